## The settings pages: profile, account, preferences

nav-settings = Settings
settings-title = Settings
settings-nav-label = Settings sections
settings-nav-profile = Profile
settings-nav-account = Account
settings-nav-preferences = Preferences
settings-saved = Saved.
settings-save = Save

## Profile

settings-profile-title = Your profile
settings-profile-not-saved = Your profile was not saved. Please check this:
settings-profile-view = See your public profile
settings-display-name = Display name
settings-display-name-help = The name colleagues see, up to { $max } characters. Leave it empty to be shown by your user name.
settings-bio = About you
settings-bio-help = A few sentences about you and your teaching, up to { $max } characters. A blank line starts a new paragraph.
settings-teaching = Your teaching
settings-education-levels = Education levels
settings-languages = Languages you teach or work in
settings-list-help = Separate several entries with commas.
settings-school = School
settings-region = Region
settings-country = Country

## Account

settings-account-title = Your account
settings-username = User name
settings-email = E-mail address
settings-email-help = You sign in with this address, and the administrators reach you at it.
settings-password-heading = Change your password
settings-password-current = Current password
settings-password-new = New password
settings-password-new-help = At least { $min } characters.
settings-password-again = New password again
settings-password-submit = Change password
settings-password-wrong = The current password is not right. Your password has not been changed.
settings-password-mismatch = The two new passwords are not the same. Your password has not been changed.
settings-password-length = The new password must have between { $min } and { $max } characters. Your password has not been changed.
settings-password-wait = Too many wrong passwords. Please wait { $minutes ->
        [one] a minute
       *[other] { $minutes } minutes
    } and try again.

## Preferences

settings-preferences-title = Preferences
settings-language = Interface language
settings-language-browser = The language of my browser
settings-language-help = Pages are shown in this language whenever you are signed in, on any device.
settings-language-unknown = Please choose one of the languages in the list.
settings-school-subjects = School subjects you teach
settings-school-subjects-help = Colleagues find you by them. Type in the box to narrow the list.
settings-other-subjects = Other subjects, in your own words
settings-other-subjects-help = What the list above does not have, such as a school’s own course. Separate several with commas.
settings-country-none = Not given
settings-found = Being found
settings-discoverable = List my profile in the directory and suggest it to others
settings-indexable = Let my public posts be found by search
settings-pictures = Pictures
settings-pictures-help = PNG, JPEG, GIF or WebP, up to { $size } each.
settings-avatar = Profile picture
settings-header = Header image
settings-avatar-now = Your profile picture now
settings-header-now = Your header image now
settings-picture-none = None yet.
settings-picture-file = Choose an image
settings-picture-upload = Upload
settings-picture-remove = Remove
settings-picture-which = Say which picture to change: the profile picture or the header.
settings-picture-choose = Choose an image to upload first.
settings-time-zone = Time zone
settings-time-zone-utc = UTC (none chosen)
settings-time-zone-help = Dates and times on the pages are shown in it.
settings-time-zone-use = Use this device’s time zone ({ $zone })
settings-time-zone-unknown = Choose a time zone from the list.
settings-default-visibility = Who can see your new posts, unless you choose otherwise
settings-default-visibility-help = The composer starts with it, and so do apps that ask the server.
settings-visibility-unknown = Choose who can see your new posts from the list.
settings-email-heading = Change your e-mail address
settings-email-new = New e-mail address
settings-email-submit = Change the address
settings-email-wrong-password = The password is not right; the address was not changed.
settings-email-invalid = That is not an e-mail address.
settings-email-taken = Someone else here uses that address already.
settings-sessions-heading = Where you are signed in
settings-sessions-help = Sign out a browser you no longer use or do not recognise.
settings-session-unknown-browser = An unknown browser
settings-session-this-browser = this browser
settings-session-since = signed in { $date }
settings-session-end = Sign out
settings-session-end-label = Sign out { $browser }, signed in { $date }
settings-apps-heading = Apps that may act for you
settings-apps-none = No app has access to your account.
settings-app-since = since { $date } · may { $scopes }
settings-app-revoke = Take access away
settings-app-revoke-label = Take access away from { $name }
settings-welcome = Welcome! Tell colleagues a little about yourself: your name, what and whom you teach. Everything here is optional and can be changed any time.
