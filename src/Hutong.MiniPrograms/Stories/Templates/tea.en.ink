// Choose your tea. Lines starting with // are notes for you; readers never see them.
// Add a picture from your uploads with a tag, as: # image: teapot
VAR warmth = 0

The teahouse is quiet this afternoon. The owner smiles and waits for you to choose.
-> menu

=== menu ===
* [Green tea, light and fresh] -> green
* [Oolong, roasted and round] -> oolong
* [Pu'er, dark and earthy] -> puer

=== green ===
Pale leaves unfold in the glass like a spring morning.
~ warmth = 1
-> company

=== oolong ===
The small pot is poured again and again; each cup tastes a little different.
~ warmth = 2
-> company

=== puer ===
The tea is the colour of old wood and smells of rain on earth.
~ warmth = 3
-> company

=== company ===
A stranger at the next table looks at your cup.
* [Offer them a cup]
    {warmth >= 2: You talk until the lanterns are lit.|You share a few quiet words.} # ending: A new friend
    -> END
* [Drink alone]
    The tea is enough company today. # ending: Still water
    -> END
