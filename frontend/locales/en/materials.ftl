# Teaching materials: browsing and searching (materials.html), the form to
# share, adapt or change one (materials_form.html), a material's page
# (materials_show.html), and the history of a material's or a case report's
# versions (article_history.html).

## Shared by the pages

# The title shown for a material that has none.
materials-untitled = (untitled)
# The original a remix adapts, when it has no title of its own.
materials-original-unnamed = a material
# The original a remix adapts, on another server we know nothing else of; $host: that server.
materials-original-elsewhere = a material on { $host }
# When someone other than its author asks to change or delete it.
materials-not-yours = Only its author can change or delete this material

## Browse and search

materials-browse-title = Teaching materials
materials-share-button = Share a material
# $url: the sign-in page, coming back to the form.
materials-sign-in-to-share = <a href="{ $url }">Sign in</a> to share your own.
materials-deleted = The material was deleted.
# The label of the search field.
materials-search-label = Search
materials-search-placeholder = e.g. fractions, photosynthesis, debate
materials-filter-type = Type
materials-filter-any-type = Any type
materials-filter-level = Level
materials-filter-any-level = Any level
materials-filter-subject = Field of education (ISCED-F)
materials-filter-any-subject = Any field
materials-filter-competence = Digital competence (DigCompEdu)
materials-filter-any-competence = Any competence
materials-filter-language = Language
materials-filter-any-language = Any language
materials-filter-licence = Licence
materials-filter-any-licence = Any licence
materials-filter-local = Only materials shared on this instance
# The button that starts the search.
materials-search-button = Search
materials-clear-filters = Clear search and filters
# The heading over a page of results: $first and $last are their numbers.
materials-results-range = Results { $first }–{ $last }
materials-newest-range = Newest materials { $first }–{ $last }
materials-results = Results
# $authors: their names, separated by commas.
materials-by = by { $authors }
# $acct: the account's address (name@server), after the @.
materials-shared-by-link = shared by <a href="{ $url }">@{ $acct }</a>
materials-shared-by = shared by @{ $acct }
# $name: the material this one adapts.
materials-remix-of-link = Remix of <a href="{ $url }">{ $name }</a>
materials-remix-of = Remix of { $name }
# For screen readers: the list of a material's type, levels, subjects and licence.
materials-tags-label = Described as
materials-none-match = No materials match. Try other words or fewer filters.
materials-no-more = There are no more materials.
materials-none-yet = No materials yet.
materials-share-first = <a href="{ $url }">Share the first one</a>.
# For screen readers: the links to the previous and next pages of results.
materials-pages-label = Pages of results
materials-previous = Previous
materials-next = Next

## The form to share, adapt or change a material

# $name: the material's title.
materials-form-edit-title = Change: { $name }
materials-form-remix-title = Adapting: { $name }
materials-form-new-title = Share a teaching material
# $version: the number of the version saving makes; $url: the history page.
materials-form-edit-lead = Saving makes version { $version }. The earlier versions stay in the <a href="{ $url }">history</a>, and the servers that have it get the new one.
materials-form-remix-lead = The form is filled in from <a href="{ $url }">the original</a>: change what you adapted. Your version links back to it, and its author is told.
materials-form-original-licence = The original's licence: { $licence }.
# What the original's licence asks of an adaptation (after materials-form-original-licence).
materials-form-note-no-derivatives = Its licence does not allow sharing adapted versions (NoDerivatives): ask its authors for permission before you publish your adaptation.
materials-form-note-all-rights-reserved = Its authors reserve all rights: ask them for permission before you publish your adaptation.
materials-form-note-share-alike = Its licence is ShareAlike: publish your adaptation under the same licence.
materials-form-new-lead = A lesson plan, a worksheet, a presentation, a project… Teachers here and on other servers can find it, use it, comment on it and adapt it.
materials-form-files-lost = The files you chose were not kept: choose them again before you send the form.
materials-form-about = About it
materials-form-name = Title
materials-form-name-help = What teachers see in search results, e.g. “Fractions with pizza: a worksheet for year 4”.
materials-form-description = Short description
materials-form-description-help = A few sentences: what it is, who it is for and how to use it.
materials-form-body = The material itself
# Shown in parentheses after a field's label.
materials-form-optional = optional
materials-form-body-help = Instructions, steps, questions, the text of a worksheet… A blank line starts a new paragraph; web addresses become links. Leave it empty when everything is in the files.
materials-form-language = Language
materials-form-authors = Authors
materials-form-authors-help = Names, separated by commas.
materials-form-licence = Licence
materials-form-choose-licence = Choose a licence…
materials-form-licence-help = What others may do with it. Creative Commons licences let teachers reuse and adapt your work; with CC BY-SA their adaptations stay open too.
# A link to the Creative Commons page about its licences.
materials-form-licence-link = About the licences
materials-form-audience = Who it is for
materials-form-types = Type of resource
materials-form-levels = Education levels (ISCED 2011)
materials-form-subjects = Fields of education (ISCED-F)
materials-form-subjects-help = The field of each school subject you choose is added for you; add others if they fit (at most 10).
materials-form-time = Time required
# The choice for a material that says nothing about the time it takes.
materials-form-time-none = Not said
materials-form-time-other = Another duration
materials-form-time-other-placeholder = e.g. 50 or PT1H15M
materials-form-time-other-help = Minutes (50), or an ISO 8601 duration: PT1H15M is 1 hour 15 minutes, P3D is 3 days. Filled in, it counts instead of the choice.
# The last choice of the time required: the field beside it says how long.
materials-form-time-other-choice = Another duration (below)
materials-form-teaches = What it teaches
materials-form-competences = Digital competences of educators (DigCompEdu), for materials that train teachers
materials-form-teaches-text = Skills or topics it teaches
materials-form-teaches-text-help = One per line, e.g. “Adding fractions” or “Persuasive writing”. Together with the competences above, at most 10.
materials-form-files-and-links = Files and links
materials-form-files-now = Its files now
# $name: the file's name.
materials-form-remove-file = Remove { $name }
materials-form-add-files = Add files
materials-form-files = Files
# $at_once: how many files one sending of the form may hold; $size: the largest
# file, with its unit ("20 MB"); $max: how many files and links a material may have.
materials-form-files-help =
    PDF, office documents (Word, Excel, PowerPoint, OpenDocument, RTF), images (PNG, JPEG, GIF, WebP), audio (MP3, Ogg, WAV, M4A, FLAC), video (MP4, WebM), archives (ZIP, gzip, 7z, tar) and plain text. { $at_once ->
        [one] One file at a time, at most { $size }
       *[other] Up to { $at_once } files at once, each at most { $size }
    }; a material has at most { $max ->
        [one] one file or link
       *[other] { $max } files and links in all
    }.
# Shown by the browser as soon as files that are too large are chosen: $count (how
# many), $names (their names, separated by commas), $size (the largest size
# allowed, with its unit: "20 MB").
materials-form-file-too-large = { $count ->
    [one] { $names } is larger than { $size } and would be refused. Choose smaller files.
   *[other] { $names } are larger than { $size } and would be refused. Choose smaller files.
    }
materials-form-links = Links to files elsewhere
materials-form-links-help = One web address per line (http:// or https://), e.g. a video or a shared document.
materials-form-publish-note-edit = Saving publishes the change: anyone can find it, comment on it and adapt it, and it goes to your followers' servers.
materials-form-publish-note-new = Publishing makes it public: anyone can find it, comment on it and adapt it, and it goes to your followers' servers.
materials-form-save = Save changes
materials-form-publish-adaptation = Publish the adaptation
materials-form-publish = Publish
materials-form-cancel = Cancel

## A material's page

materials-show-published = Published. Teachers here and on other servers can now find it.
materials-show-saved = Saved as version { $version }.
# $iso: the date for machines (leave it in the attribute); $date: the date as people read it.
materials-show-changed = changed <time datetime="{ $iso }">{ $date }</time>
# $name: the original this material adapts.
materials-show-adapted-from-link = Adapted from <a href="{ $url }">{ $name }</a>
materials-show-adapted-from = Adapted from { $name }
# $url: the material's page on the server it comes from.
materials-show-source = Shared from another server: <a href="{ $url }" rel="noopener noreferrer">see it there</a>.
# The button to make one's own adaptation of the material.
materials-show-remix = Remix
materials-show-sign-in-to-remix = Sign in to remix
materials-show-edit = Edit
# $count: how many comments it has.
materials-show-comments = Comments ({ $count })
materials-show-licence = Licence
materials-show-language = Language
materials-show-type = Type
materials-show-levels = Levels
materials-show-subjects = Fields of education (ISCED-F)
materials-show-competences = Digital competences (DigCompEdu)
materials-show-teaches = Teaches
materials-show-time = Time required
materials-show-version = Version
materials-show-history = History
# The heading over the material's own text.
materials-show-body = The material
materials-show-files = Files
# $host: the server a linked file is on.
materials-show-file-host = on { $host }
# The file's name follows, for screen readers only.
materials-show-download = Download
materials-show-open = Open
materials-show-no-files = No files: everything is on this page.
# The heading over the adaptations of the material.
materials-show-remixes = Remixes
materials-show-remix-elsewhere = on another server
materials-show-no-remixes = Nobody has adapted it yet.
materials-show-first-remix = <a href="{ $url }">Make the first remix</a>.
materials-show-delete-heading = Delete
materials-show-delete-explained = Deleting takes it and its files away here, and tells the other servers that have it. This cannot be undone.
# Asked in the browser before deleting; $name: the material's title.
materials-show-delete-confirm = Delete “{ $name }” for good?
# The button.
materials-show-delete = Delete

## The draft the browser keeps of a form (materials and case reports)

# $time: the day and time it was kept, as the browser writes them.
draft-kept = Draft kept in this browser at { $time }.
draft-restored = Your unsaved draft from { $time } was restored.
# The button after draft-restored.
draft-discard = Discard the draft
draft-discarded = The draft was discarded.

## The history of a material's or a case report's versions

# $title: the material's or the case report's title.
history-title = History: { $title }
history-lead = Every version, newest first, as it read then.
history-lead-case = Every version of the case report, newest first, as it read then.
history-version = Version { $version }
# Shown in parentheses after the current version's number.
history-current = the current one
history-first-published = first published
# $parts: what changed, separated by commas ("title, description").
history-changed = changed: { $parts }
history-unchanged = no change to its text or facts
history-stage = Mainstreaming stage: { $stage }
history-licence = Licence: { $licence }
history-none = No versions are recorded.

## What changed between two versions (in history-changed, in running text)

history-part-title = title
history-part-description = description
history-part-text = text
history-part-language = language
history-part-authors = authors
history-part-licence = licence
history-part-terms = types, levels, subjects or competences
history-part-teaches = what it teaches
history-part-time-required = time required
history-part-original = original
history-part-files = files
# The parts only a case report has.
history-part-summary = summary
history-part-country = country
history-part-region = region
history-part-sector = sector
history-part-levels = levels
history-part-context = context
history-part-problem = problem or need
history-part-intervention = intervention
history-part-ict-tools = ICT and tools
history-part-actors = actors and roles
history-part-barriers = barriers
history-part-enablers = enablers and success factors
history-part-evidence-kinds = kinds of evidence
history-part-evidence = evidence of impact
history-part-evidence-links = evidence links
history-part-costs = costs and resources
history-part-transfer = conditions for transfer
history-part-stage = stage
history-part-digcompedu = DigCompEdu competences
history-part-selfie = SELFIE areas
history-part-linked-materials = linked materials
history-part-contact = contact
materials-filter-school-subject = School subject
materials-filter-any-school-subject = Any school subject
materials-show-school-subjects = School subjects
materials-form-school-subjects = School subjects
materials-form-school-subjects-help = Tick every subject it is meant for (at most 10). Type in the box to narrow the list.
history-part-school-subjects = school subjects
history-part-subjects = fields of education
