## The directory

communities-search = Search
communities-language = Language
communities-country = Country
communities-topic = Topic
communities-filter = Filter
communities-open = Open a community
communities-new-name = Name (its address: @name@{ $domain })
communities-new-title = Title
communities-new-summary = What it is about
communities-new-languages = Languages (comma-separated tags, e.g. de, it)
communities-new-country = Country (two letters)
communities-new-topics = Topics (comma-separated)
communities-new-submit = Open
communities-needs-approval = joining needs approval
communities-none = No communities match.

## A community's page

community-members = { $count } { $count ->
        [one] member
       *[other] members
    }
community-languages = Languages
community-region = Region
community-topics = Topics
community-rules = Rules
community-leave = Leave
community-withdraw-request = Withdraw join request
community-ask-to-join = Ask to join
community-join = Join
community-moderation-queue = Moderation queue
community-sign-in-to-join = <a href="{ $url }">Sign in</a> to join.
community-start-thread = Start a thread
community-thread-title = Title
community-thread-body = Text
community-threads = Threads
community-pinned = Pinned:
community-untitled = (untitled)
community-thread-meta = by @{ $author } · { $date } · { $comments } { $comments ->
        [one] comment
       *[other] comments
    }
community-thread-locked = locked
community-no-threads = No threads yet.
community-log = Moderation log
community-log-by = by @{ $who }
community-log-empty = Nothing yet.
community-log-create = create
community-log-remove_post = remove post
community-log-restore_post = restore post
community-log-lock = lock
community-log-unlock = unlock
community-log-pin = pin
community-log-unpin = unpin
community-log-ban = ban
community-log-unban = unban
community-log-add_facilitator = add facilitator
community-log-remove_facilitator = remove facilitator

## Moderation

moderation-title = Moderation: { $community }
moderation-heading = Moderation: <a href="{ $url }">{ $community }</a>
moderation-pictures = Icon and banner
moderation-pictures-help = PNG, JPEG, GIF or WebP, at most { $kib } KiB. Members' servers see the change.
moderation-icon = Icon
moderation-banner = Banner
moderation-current-icon = The current icon
moderation-current-banner = The current banner
moderation-upload-icon = Upload icon
moderation-upload-banner = Upload banner
moderation-remove-icon = Remove icon
moderation-remove-banner = Remove banner
moderation-reports = Open reports
moderation-report = @{ $reporter } reported @{ $target }: { $reason }
moderation-report-post = @{ $reporter } reported @{ $target } (post { $post }): { $reason }
moderation-no-reports = No open reports.
moderation-requests = Join requests
moderation-approve = Approve
moderation-reject = Turn down
moderation-no-requests = Nobody is waiting.
moderation-bans = Bans
moderation-ban-until = until { $date }
moderation-no-bans = Nobody is banned.

## Messages from the server

communities-only-facilitators = Only facilitators and admins can open communities
community-banned = You are banned from this community
moderation-unknown-action = Choose remove, lock, unlock, pin or unpin
moderation-choose-image = Choose an image to upload

moderation-remove-title = Remove this post?
moderation-remove-question = It disappears from { $community } here and on the members' servers. The moderation log keeps your reason.
moderation-remove-confirm = Remove it

moderation-resolve = Mark as dealt with
moderation-ban-who = Ban someone
moderation-ban-who-help = Their user name here, or name@server for someone on another server.
moderation-ban-reason = Reason (they are told)
moderation-ban-days = For how many days
moderation-ban-days-help = Leave it empty to ban until you lift it.
moderation-ban-submit = Ban
moderation-ban-unknown = Nobody with that name is known here.
moderation-ban-days-invalid = Give a number of days from 1 to 3650, or leave it empty.
