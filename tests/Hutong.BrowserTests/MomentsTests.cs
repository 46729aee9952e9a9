using System.Text.RegularExpressions;
using Hutong.Client;
using Hutong.Contracts.Social;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// Moments and Status in the browser against a real server, with three people: An and Bo are friends, and Cai is Bo's
/// friend but not An's. An posts, Bo likes and comments, An hears of it and replies; Cai sees Bo's post but neither An's
/// post nor An's comment on Bo's. Then An records a status with the (fake) camera and Bo watches it: the ring on An's
/// avatar, the clip playing, a reaction An sees live, and the ring gone after.
/// </summary>
public sealed class MomentsTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan RecordingPatience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task ThreePeople_UseMomentsAndStatus_AndEachSeesOnlyWhatTheirFriendshipsAllow()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var run = Guid.NewGuid().ToString("N")[..6];
        var an = new Person(await NewPageAsync(), $"man{run}", "An");
        var bo = new Person(await NewPageAsync(), $"mbo{run}", "Bo");
        // Cai is on a phone.
        var cai = new Person(await NewPageAsync(width: 390, height: 844), $"mcai{run}", "Cai");
        await an.SignUpAsync();
        await bo.SignUpAsync();
        await cai.SignUpAsync();
        var anApi = await SignInOverApiAsync(an.Handle);
        var boApi = await SignInOverApiAsync(bo.Handle);
        var caiApi = await SignInOverApiAsync(cai.Handle);
        await BefriendAsync(anApi, boApi, bo.Handle);
        await BefriendAsync(caiApi, boApi, bo.Handle);

        // An posts to all friends, with a place.
        await OpenMomentsAsync(an);
        await an.Button("New post").ClickAsync();
        var composer = an.Page.GetByRole(AriaRole.Dialog, new() { Name = "New post" });
        await Expect(an.Field("What's on your mind?")).ToBeFocusedAsync();
        await an.Field("What's on your mind?").FillAsync("Spring tea in the hutong");
        await an.Field("Location (optional)").FillAsync("Nanluoguxiang");
        await Expect(composer.GetByRole(AriaRole.Radio, new() { Name = "Public (all friends)" })).ToBeCheckedAsync();
        await an.ScreenshotAsync("moments-composer");
        await an.ExpectAccessibleAsync("post composer");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Expect(composer).ToHaveCountAsync(0);
        await Expect(Post(an, "Spring tea in the hutong")).ToContainTextAsync("Nanluoguxiang");

        // Bo sees it, likes it and comments.
        await OpenMomentsAsync(bo);
        var anPostForBo = Post(bo, "Spring tea in the hutong");
        await anPostForBo.GetByRole(AriaRole.Button, new() { Name = "Like", Exact = true }).ClickAsync();
        await Expect(anPostForBo.Locator(".post-likes")).ToContainTextAsync("Bo");
        await anPostForBo.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
        await Expect(bo.Field("Write a comment")).ToBeFocusedAsync();
        await bo.Field("Write a comment").FillAsync("Save me a cup!");
        await bo.Field("Write a comment").PressAsync("Enter");
        await Expect(anPostForBo.Locator(".post-comment")).ToContainTextAsync("Bo: Save me a cup!");
        await bo.ScreenshotAsync("moments-timeline");
        await bo.ExpectAccessibleAsync("Moments timeline");

        // An hears of both live on Discover, reads them, and replies to Bo's comment from the post.
        await Expect(an.Section("Discover").Locator(".badge")).ToHaveTextAsync("2");
        await an.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Moments messages") }).ClickAsync();
        var notices = an.Page.Locator(".notice-row");
        await Expect(notices).ToHaveCountAsync(2);
        await Expect(notices.First).ToContainTextAsync("commented: Save me a cup!");
        await Expect(notices.Nth(1)).ToContainTextAsync("liked your post");
        await Expect(an.Section("Discover").Locator(".badge")).ToHaveCountAsync(0);
        await an.ExpectAccessibleAsync("Moments messages");
        await notices.First.ClickAsync();
        var onItsOwn = an.Page.Locator("article.post");
        await onItsOwn.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Bo: Save me a cup!") }).ClickAsync();
        await an.Field("Reply to Bo").FillAsync("Of course");
        await an.Field("Reply to Bo").PressAsync("Enter");
        await Expect(onItsOwn.Locator(".post-comment").Nth(1)).ToContainTextAsync("An replied to Bo: Of course");

        // Bo posts; An comments on it, and Bo answers there too.
        await bo.Button("New post").ClickAsync();
        await bo.Field("What's on your mind?").FillAsync("The garden is in bloom");
        await bo.Page.Locator("#post-images").SetInputFilesAsync(new FilePayload { Name = "garden.png", MimeType = "image/png", Buffer = Png });
        await Expect(bo.Page.Locator(".thumb img")).ToBeVisibleAsync();
        await bo.Page.GetByRole(AriaRole.Dialog, new() { Name = "New post" }).GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Expect(Post(bo, "The garden is in bloom")).ToBeVisibleAsync();
        await OpenMomentsAsync(an);
        var boPostForAn = Post(an, "The garden is in bloom");
        await boPostForAn.GetByRole(AriaRole.Button, new() { Name = "Image 1 of 1" }).ClickAsync();
        var viewer = an.Page.GetByRole(AriaRole.Dialog, new() { Name = "Image" });
        await Expect(viewer.Locator("img")).ToBeVisibleAsync();
        await an.Page.Keyboard.PressAsync("Escape");
        await Expect(viewer).ToHaveCountAsync(0);
        await boPostForAn.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
        await an.Field("Write a comment").FillAsync("Lovely garden");
        await an.Field("Write a comment").PressAsync("Enter");
        await Expect(boPostForAn.Locator(".post-comment")).ToContainTextAsync("An: Lovely garden");
        var boPostId = await boPostForAn.GetAttributeAsync("data-post");
        await boApi.CommentAsync(boPostId!, new AddCommentRequest(Guid.NewGuid().ToString("N"), "Come by any time"), cancellationToken);

        // Cai, Bo's friend only, sees Bo's post and Bo's comment, but not An's comment nor An's post.
        await OpenMomentsAsync(cai);
        var boPostForCai = Post(cai, "The garden is in bloom");
        await Expect(boPostForCai.Locator(".post-comment")).ToHaveCountAsync(1);
        await Expect(boPostForCai.Locator(".post-comment")).ToContainTextAsync("Bo: Come by any time");
        await Expect(boPostForCai).Not.ToContainTextAsync("Lovely garden");
        await Expect(Post(cai, "Spring tea in the hutong")).ToHaveCountAsync(0);
        await Expect(cai.Page.Locator("article.post")).ToHaveCountAsync(1);
        await cai.ScreenshotAsync("phone-moments");
        await cai.ExpectAccessibleAsync("Moments at phone width");

        // An records a status with the camera: the countdown runs, the recording stops itself at 15 s, the clip plays back.
        await OpenStatusAsync(an);
        await an.Button("New status").ClickAsync();
        var newStatus = an.Page.GetByRole(AriaRole.Dialog, new() { Name = "New status" });
        await newStatus.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await newStatus.GetByRole(AriaRole.Button, new() { Name = "Start recording" }).ClickAsync();
        await Expect(newStatus.GetByRole(AriaRole.Timer)).ToHaveTextAsync(new Regex(@"^\d+ s left$"));
        await an.ScreenshotAsync("status-recording");
        var clip = newStatus.Locator("video.camera-clip");
        await Expect(clip).ToBeVisibleAsync(new() { Timeout = (float)RecordingPatience.TotalMilliseconds });
        await Expect(newStatus.GetByRole(AriaRole.Timer)).ToHaveCountAsync(0);
        await clip.EvaluateAsync("v => v.play()");
        await an.Page.WaitForFunctionAsync("() => document.querySelector('video.camera-clip')?.currentTime > 0");
        await an.Field("Text (optional)").FillAsync("Morning walk");
        await an.Field("Mood (optional)").FillAsync("😊 fresh");
        await an.Field("Place (optional)").FillAsync("Houhai");
        await an.ExpectAccessibleAsync("new status");
        await newStatus.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Expect(newStatus).ToHaveCountAsync(0);
        var myStatus = an.Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^My status 1 status") });
        await myStatus.ClickAsync();
        var anViewer = an.Page.GetByRole(AriaRole.Dialog, new() { Name = "My status" });
        await Expect(anViewer).ToContainTextAsync("No reactions yet.");

        // Bo's chats list rings An's avatar once the window comes back to the front.
        await bo.Section("Chats").ClickAsync();
        await bo.Page.EvaluateAsync("() => window.dispatchEvent(new Event('focus'))");
        await Expect(bo.ChatRow("An").Locator(".avatar-ring")).ToHaveCountAsync(1);
        await bo.ScreenshotAsync("status-ring");
        await bo.Section("Contacts").ClickAsync();
        await Expect(bo.Page.Locator(".list-col .row", new() { HasTextString = "An" }).Locator(".avatar-ring")).ToHaveCountAsync(1);

        // Bo watches it: the clip plays, with its words, mood and place; Bo reacts, and An sees it at once.
        await OpenStatusAsync(bo);
        await bo.ExpectAccessibleAsync("status board");
        await bo.Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^An\b") }).ClickAsync();
        var boViewer = bo.Page.GetByRole(AriaRole.Dialog, new() { Name = "An" });
        await Expect(boViewer).ToContainTextAsync("Morning walk");
        await Expect(boViewer).ToContainTextAsync("😊 fresh");
        await Expect(boViewer).ToContainTextAsync("Houhai");
        await bo.Page.WaitForFunctionAsync("() => document.querySelector('.status-viewer video')?.currentTime > 0");
        await boViewer.GetByRole(AriaRole.Button, new() { Name = "React with 👍" }).ClickAsync();
        await Expect(boViewer).ToContainTextAsync("You reacted 👍");
        await bo.ScreenshotAsync("status-viewer");
        await bo.ExpectAccessibleAsync("status viewer");
        await Expect(anViewer.Locator(".status-reaction")).ToContainTextAsync("Bo");
        await Expect(anViewer.Locator(".status-reaction")).ToContainTextAsync("👍");

        // Seen: Escape closes the viewer and the ring is gone.
        await bo.Page.Keyboard.PressAsync("Escape");
        await Expect(boViewer).ToHaveCountAsync(0);
        await bo.Section("Chats").ClickAsync();
        await Expect(bo.ChatRow("An")).ToBeVisibleAsync();
        await Expect(bo.ChatRow("An").Locator(".avatar-ring")).ToHaveCountAsync(0);

        // An deletes it.
        await anViewer.GetByRole(AriaRole.Button, new() { Name = "Delete status" }).ClickAsync();
        await Expect(anViewer).ToHaveCountAsync(0);
        await Expect(an.Page.GetByText("Nothing posted in the last 24 hours.")).ToBeVisibleAsync();
    }

    /// <summary>A picture of one pixel, as a PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static ILocator Post(Person person, string text) => person.Page.Locator("article.post", new() { HasTextString = text });

    private static async Task OpenMomentsAsync(Person person)
    {
        await person.Section("Discover").ClickAsync();
        await person.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Moments\b") }).First.ClickAsync();
        await Expect(person.Page.GetByRole(AriaRole.Heading, new() { Name = "Moments", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Discover → Status; the entry's name grows with a dot when a friend has a status unseen.</summary>
    private static async Task OpenStatusAsync(Person person)
    {
        await person.Section("Discover").ClickAsync();
        await person.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Status\b") }).ClickAsync();
        await Expect(person.Page.GetByRole(AriaRole.Heading, new() { Name = "Status", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>The asker sends a friend request over the API; the other accepts it there too.</summary>
    private static async Task BefriendAsync(HutongClient asker, HutongClient other, string otherHandle)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var profile = await asker.GetUserByHandleAsync(otherHandle, cancellationToken);
        var request = await asker.SendFriendRequestAsync(profile.UserId, "hi", cancellationToken);
        await other.AcceptFriendRequestAsync(request.RequestId, cancellationToken);
    }
}
