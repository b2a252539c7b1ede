## The page frame

nav-skip = Skip to content
nav-label = Account
nav-communities = Communities
nav-materials = Materials
nav-cases = Case reports
nav-home = Home
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-languages = Language
nav-menu = Menu
footer-powered = Powered by Collegium, free software under the GNU AGPL. Part of the federated network of learning communities.

## The about page

about-stats = <strong>{ $members }</strong> { $members ->
        [one] member
       *[other] members
    } · <strong>{ $active }</strong> active this month
about-heading = About this instance
about-address = Address
about-languages = Languages
about-contact = Contact
about-follow-from-anywhere = People here can be followed from any Fediverse server, such as Mastodon: search for <code>@name@{ $domain }</code>.

## Signing in and up

sign-in-login = User name or e-mail address
sign-in-password = Password
sign-in-no-account = No account yet? <a href="{ $url }">Create one</a>.
sign-up-title = Create an account
sign-up-username = User name
sign-up-username-help = Letters, numbers and underscores; dots and dashes in between. Others will see you as @name@{ $domain }.
sign-up-email = E-mail address
sign-up-submit = Create account
sign-out-question = Sign out of { $instance } on this browser? Apps you have authorised stay signed in.

## Apps (OAuth)

authorize-title = Authorise { $app }
authorize-question = Authorise { $app }?
authorize-asks = <strong>{ $app }</strong> asks to use your account with these permissions:
authorize-asks-website = <strong>{ $app }</strong> (<a href="{ $url }" rel="nofollow noopener">{ $url }</a>) asks to use your account with these permissions:
authorize-signed-in-as = You are signed in as <strong>{ $name }</strong> (@{ $username }).
authorize-approve = Authorise
authorize-deny = Deny
oauth-code-title = Authorisation code
oauth-code-copy = Copy this code and paste it into <strong>{ $app }</strong>:
oauth-code-help = The code works once, within ten minutes.

## Writing and reading posts

compose-label = Write a post
compose-placeholder = Share an idea with colleagues. @name@domain mentions, #tag adds a hashtag.
compose-content-warning = Content warning (optional)
compose-visibility = Who can see it
compose-visibility-public = Everyone
compose-visibility-unlisted = Everyone, but not in public timelines
compose-visibility-private = Followers only
compose-visibility-direct = Only the people mentioned
compose-post = Post
timeline-heading = Your timeline
timeline-empty = Nothing here yet. Follow colleagues to see their posts.
post-visibility-public = public
post-visibility-unlisted = unlisted
post-visibility-private = followers only
post-visibility-direct = mentioned people only
post-boosted-by = boosted by { $name }
post-remove-reason = Reason for removing it
post-remove = Remove
post-counts = { $replies ->
        [one] { $replies } reply
       *[other] { $replies } replies
    } · { $favourites } ★ · { $reblogs ->
        [one] { $reblogs } boost
       *[other] { $reblogs } boosts
    }
thread-title = { $name }: post
thread-post-by = Post by { $name }
thread-in-community = In <a href="{ $url }">{ $title }</a>
thread-comment = Comment
thread-reply = Reply
thread-pinned = Pinned by the facilitators.
thread-locked = This thread is locked: no new comments.
thread-lock = Lock thread
thread-unlock = Unlock thread
thread-pin = Pin thread
thread-unpin = Unpin thread
tag-empty = No public posts with this hashtag yet.

## Profiles

profile-fact-subjects = Subjects
profile-fact-education-levels = Education levels
profile-fact-languages = Languages
profile-fact-school = School
profile-fact-region = Region
profile-joined = Joined { $date } · { $followers ->
        [one] { $followers } follower
       *[other] { $followers } followers
    } · { $following } following
profile-follow = Follow
profile-unfollow = Unfollow
profile-withdraw-request = Withdraw follow request
profile-posts = Posts
profile-no-posts = No posts to show.
profile-remote = On another server: <a href="{ $url }" rel="nofollow noopener">see the original profile</a>.

## Error pages

error-title-400 = Something is wrong with the request
error-text-400 = The page could not understand what was sent.
error-title-401 = Please sign in
error-text-401 = This page needs you to be signed in.
error-title-403 = Not allowed
error-text-403 = You may not do this here.
error-title-404 = Not found
error-text-404 = There is nothing at this address.
error-title-409 = Already done
error-text-409 = This clashes with something that already exists.
error-title-413 = Too large
error-text-413 = What was sent is larger than this instance accepts.
error-title-422 = Please check the form
error-text-422 = Some of what was entered cannot be used.
error-title-429 = Too many attempts
error-text-429 = Please wait a little and try again.
error-title-500 = Something went wrong
error-text-500 = This is our fault, not yours. Please try again in a moment.
error-back-home = Back to the home page

## Messages from the server

sign-in-invalid = Invalid user name, e-mail address or password.
sign-up-closed = This instance does not take sign-ups. Ask its administrator for an account.
authorize-denied = You did not authorise the app.

## A post card's buttons

post-reply = Reply ({ $count })
post-like = Like ({ $count })
post-liked = Liked ({ $count })
post-boost = Boost ({ $count })
post-boosted = Boosted ({ $count })
post-delete = Delete
post-delete-title = Delete this post?
post-delete-question = It disappears here and from the servers that have it. This cannot be undone.
post-delete-confirm = Delete it
post-delete-cancel = Keep it
post-unknown-action = Choose like, boost or delete.

## Notifications

nav-notifications = Notifications
nav-notifications-unread = Notifications ({ $count ->
        [100] 99+
       *[other] { $count }
    })
notifications-title = Notifications
notifications-new = new
notifications-none = Nothing yet. When someone follows you, mentions you, likes or boosts your posts, you see it here.
notifications-follow = <a href="{ $url }">{ $name }</a> followed you
notifications-follow_request = <a href="{ $url }">{ $name }</a> asked to follow you
notifications-mention = <a href="{ $url }">{ $name }</a> mentioned you
notifications-favourite = <a href="{ $url }">{ $name }</a> liked your post
notifications-reblog = <a href="{ $url }">{ $name }</a> boosted your post
notifications-status = <a href="{ $url }">{ $name }</a> posted
notifications-collegium-remix = <a href="{ $url }">{ $name }</a> adapted your material

## Search

nav-search = Search
search-title = Search
search-title-for = Search: { $q }
search-label = People, posts, hashtags, communities, materials and case reports
search-help = A name, a word, #hashtag, @name@server for someone on another server, or the address of a post.
search-help-signed-out = A name, a word or #hashtag. Sign in to find people and posts on other servers.
search-submit = Search
search-nothing = Nothing found for “{ $q }”.
search-people = People
search-a-community = a community
search-posts = Posts
search-hashtags = Hashtags
search-none-here = None.
search-all-communities = Search the communities
search-all-materials = Search the materials, with filters
search-all-cases = Search the case reports, with filters
search-too-long = The search is too long.

## The kind of a titled post on its card

post-kind-material = Teaching material
post-kind-case = Case report
post-kind-thread = Thread
post-kind-article = Article
post-kind-note = Post

## Reporting a post

post-report = Report
post-report-title = Report this post
post-report-question = Tell the facilitators (and the author's server, if it is another) what is wrong with it. The author is not told who reported it.
post-report-reason = What is wrong
post-report-send = Send the report
post-report-done = Thank you. The report was sent.
post-report-back = Back
post-report-empty = Say what is wrong.

## Following from another server

profile-remote-follow = Follow from your own server
profile-remote-follow-help = Your server, for example mastodon.social, or your whole address @you@your.server. You confirm there.
profile-remote-follow-invalid = That is not a server address, such as mastodon.social.

## Editing a post

post-edit = Edit
post-edit-title = Edit your post
post-edit-help = The servers that have it get the new version; the earlier one stays in its history.
post-edit-text = Text
post-edit-save = Save the change
post-edit-cancel = Cancel

## About: privacy, imprint, rules

footer-about = About this instance
about-privacy = Privacy
about-imprint = Imprint
about-contact-line = Contact: <a href="mailto:{ $email }">{ $email }</a>
privacy-default-intro = The admins of { $instance } have not written a privacy notice of their own yet. This is what the software keeps, and why:
privacy-default-account = Your account: user name, e-mail address (to reach you; never shown), a hash of your password, your role, the interface language you chose, and what you put in your profile.
privacy-default-posts = What you post, like, boost and report, and who you follow, for as long as you keep them; deleting a post deletes it here and asks the servers that have it to delete it too.
privacy-default-federation = Posts that are not private, and your public profile, go to the servers of the people who follow you or the communities you post in, as on every Fediverse server.
privacy-default-cookies = Cookies: one to keep you signed in, one against forged forms, and one for the language you chose. No tracking, no advertising.
privacy-default-sign-in = Sign-in attempts with the address they came from, for a short time, to stop password guessing.
privacy-default-rights = You can change or delete what you posted at any time; ask the admins to delete your account or for a copy of your data.
sign-up-rules = The rules here
sign-up-agree = I accept the rules and have read the <a href="{ $url }">privacy notice</a>.
sign-up-agree-needed = Please accept the rules and the privacy notice.
picker-find = Find in the list
picker-chosen = Chosen: { $list }
picker-nothing-chosen = Nothing chosen yet.
picker-no-match = Nothing in the list matches what you typed.
sign-in-pending = Your account waits for an administrator’s approval; you can sign in once it is approved.
sign-in-suspended = This account is suspended. Write to the administrators of this instance to learn why.
sign-up-reason = Why would you like to join?
sign-up-reason-help = An administrator reads this before approving your account, for example your school and what you teach.
sign-up-reason-needed = Say in a few words why you would like to join (at most 1,000 characters).
sign-up-waiting = Thank you. Your account waits for an administrator’s approval; you can sign in once it is approved.
invalid-too-long = { $field }: at most { $max } characters, please.
invalid-too-many = { $field }: at most { $max } entries, please.
invalid-item-too-long = An entry of “{ $field }” is too long.
invalid-blank = { $field }: this needs to be filled in.
invalid-choose = { $field }: please choose one.
invalid-not-in-list = { $field }: “{ $value }” is not one of the choices.
invalid-link = “{ $value }” is not a web address (it must start with http:// or https://).
invalid-duration = “{ $value }” is not a time we can read: choose one from the list, or give minutes such as 45.
invalid-material-description-blank = Describe the material in a few sentences: what it is and how to use it.
invalid-case-summary-blank = Summarise in a few sentences what was tried and what came of it.
invalid-case-intervention-blank = Say what was done, with which pedagogy and activities.
invalid-original-unknown = The material this one adapts is not one we know.
invalid-original-itself = A material cannot be an adaptation of itself.
invalid-file-id = One of the files to remove is not a file of this material.
invalid-material-ambiguous = More than one material is called “{ $value }”: give its address instead.
invalid-material-unknown = “{ $value }” is not a teaching material we know: give its title, its address or its number.
invalid-language-tag = “{ $value }” is not a language code such as de or pt-BR.
invalid-country = Choose the country from the list.
invalid-username = A user name has at most { $max } characters: letters, numbers and underscores, with dots or dashes only between them.
invalid-community-name = A community’s address has at most { $max } characters: letters, numbers and underscores, with dots or dashes only between them.
invalid-email = “{ $value }” is not an e-mail address.
invalid-password-length = The password needs at least { $min } characters.
invalid-username-taken = The user name { $value } is taken already.
invalid-name-or-email-taken = That user name or e-mail address is taken already.
field-name = Title
field-description = Description
field-body = Text
field-authors = Authors
field-resource-types = Kinds of material
field-levels = Education levels
field-level = Education level
field-school-subjects = School subjects
field-school-subject = School subject
field-subjects = Fields of education
field-subject = Field of education
field-teaches = Competences taught
field-licence = Licence
field-links = Links
field-title = Title
field-summary = Summary
field-context = Context
field-problem = Problem or need
field-intervention = Intervention
field-ict-tools = ICT and tools
field-actors = Actors and roles
field-barriers = Barriers
field-enablers = Enablers and success factors
field-evidence-kinds = Kinds of evidence
field-evidence = Kind of evidence
field-evidence-indicators = Evidence of impact
field-evidence-links = Evidence links
field-costs = Costs and resources
field-transfer = Conditions for transfer
field-stage = Stage
field-sector = Sector
field-country = Country
field-region = Region
field-digcompedu = Digital competences (DigCompEdu)
field-selfie = SELFIE areas
field-materials = Linked teaching materials
field-contact = Contact
field-text = Text
field-content-warning = Content warning
field-rules = Rules
field-display-name = Display name
field-bio = About you
field-education-levels = Education levels
field-languages = Languages
field-language = Language
field-school = School
field-topic = Topics
field-type = Kind of material
field-remove-files = Files to remove
field-time-required = Time required
invalid-picture-local = Upload the picture on the settings page instead of giving the address of a file here.
invalid-not-an-image = The file is not an image we take: PNG, JPEG, GIF or WebP.
invalid-file-kind = “{ $value }” is not a kind of file we take: PDF, office documents, images, audio, video, archives or plain text.
invalid-files-at-once = At most { $max } files can be sent at once.
invalid-too-many-files = A material may have at most { $max } files and links.
