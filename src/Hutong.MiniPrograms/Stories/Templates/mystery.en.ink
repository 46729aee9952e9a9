// A mystery in three rooms. Lines starting with // are notes for you; readers never see them.
// A knot (=== name ===) is a place in the story; -> name goes there; * is a choice.
VAR clues = 0
VAR has_key = false

The lights of the old house went out at midnight, and the necklace went with them.
You have until morning to find it.
-> hall

=== hall ===
You stand in the hall. Three doors wait: the library, the kitchen and the study.
{clues > 0: You have found {clues} clue{clues > 1:s} so far.}
* [Search the library] -> library
* [Search the kitchen] -> kitchen
+ {has_key} [Unlock the study] -> study
+ [Sit on the stairs and think] -> accuse

=== library ===
Dust, books, and one book that is not dusty at all.
* [Open it]
    Inside, a small brass key.
    ~ has_key = true
    ~ clues = clues + 1
* [Leave it]
    You leave the book where it was.
- -> hall

=== kitchen ===
The cook is washing a cup that is already clean.
* [Ask about the cup]
    "Tea for the gardener," she says, too quickly.
    ~ clues = clues + 1
* [Say nothing]
- -> hall

=== study ===
The desk drawer is open. In it, wrapped in a garden glove: the necklace.
~ clues = clues + 1
-> accuse

=== accuse ===
Who took the necklace?
* {clues >= 2} [The gardener]
    The gardener sighs and holds out his hands. Case closed. # ending: The detective
    -> END
* [The cook]
    The cook laughs. In the morning the necklace is gone for good. # ending: The wrong door
    -> END
* [Nobody: go to bed]
    You sleep well. Nobody else does. # ending: A quiet night
    -> END
