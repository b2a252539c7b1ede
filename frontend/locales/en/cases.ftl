# Innovation case reports: the browse page (cases.html), the form to share or
# change one (cases_form.html) and a report's page (cases_show.html).

## Shared by the pages

cases-country = Country
cases-region = Region
cases-sector = Sector
cases-stage = Mainstreaming stage
cases-language = Language
cases-kinds-of-evidence = Kinds of evidence
cases-evidence-links = Links to the evidence
cases-licence = Licence
cases-history = History
# $by (the facilitator's name), $date (the day, as text), $date_iso (the same, machine-readable: keep it in the attribute).
cases-verified-mark = <span class="badge verified">Verified</span> by { $by } on <time datetime="{ $date_iso }">{ $date }</time>
# The title shown for a report that has none.
cases-untitled = (untitled)
# Where it happened, on one line: $region (as its authors wrote it), $country.
cases-place = { $region }, { $country }
# Who verified it (the $by of the verification messages) when their name is not known.
cases-verified-by-someone = a facilitator
# When someone other than its author asks to change or delete it.
cases-not-yours = Only its author can change or delete this case report

## Browse and search (cases.html)

cases-browse-title = Innovation case reports
cases-share = Share a case report
cases-sign-in-to-share = <a href="{ $url }">Sign in</a> to share your school's own.
cases-browse-lead = What school teams tried, with which tools, what got in the way, what made it work, what evidence they have and how far it spread. Facilitators of the community a report was published in can verify it.
cases-deleted = The case report was deleted.
cases-search-label = Search
cases-search-placeholder = e.g. tablets, peer tutoring, flipped classroom
cases-search-button = Search
cases-filter-any-country = Any country
cases-filter-any-sector = Any sector
cases-filter-any-stage = Any stage
cases-filter-level = Level
cases-filter-any-level = Any level
cases-filter-digcompedu = Digital competence (DigCompEdu)
cases-filter-any-competence = Any competence
cases-filter-selfie = SELFIE area
cases-filter-any-area = Any area
cases-filter-evidence = Kind of evidence
cases-filter-any-evidence = Any evidence
cases-filter-any-language = Any language
cases-filter-verified = Only reports verified by a facilitator
cases-filter-local = Only reports shared on this instance
cases-clear-filters = Clear search and filters
cases-results = Results
# $first and $last: the numbers of the first and last report on this page.
cases-results-range = Results { $first }–{ $last }
cases-newest-range = Newest case reports { $first }–{ $last }
# $name: the author's name; $url: their profile.
cases-by-link = by <a href="{ $url }">{ $name }</a>
cases-by = by { $name }
# The list of a report's tags (for screen readers).
cases-tags-label = Described as
cases-tag-stage = Stage: { $stage }
cases-none-match = No case reports match. Try other words or fewer filters.
cases-no-more = There are no more case reports.
cases-none-yet = No case reports yet.
cases-share-first = <a href="{ $url }">Share the first one</a>.
cases-pages-label = Pages of results
cases-previous = Previous
cases-next = Next

## The form to share or change a case report (cases_form.html)

cases-form-title-new = Share an innovation case report
# $title: the report's title.
cases-form-title-edit = Change: { $title }
# $version: the number of the version that saving makes; $url: the history page.
cases-form-edit-lead = Saving makes version { $version }. The earlier versions stay in the <a href="{ $url }">history</a>, the servers that have it get the new one, and a verification mark stays.
cases-form-new-lead = Tell other schools what your team tried: the problem, what you did and with which tools, what got in the way, what made it work, what evidence you have and what it cost. Only the fields marked required must be filled in; the rest helps others decide whether it would work for them.
cases-form-error-help = Nothing was published: correct it below and send the form again. What you typed is kept.
# Shown in parentheses after a field's name.
cases-required = required
cases-optional = optional
cases-form-brief = The case in brief
cases-form-title = Title
cases-form-title-help = What others see in search results, e.g. “Peer tutoring with tablets in a rural primary school”.
cases-form-summary = Summary
cases-form-summary-help = A few sentences: what was tried, with whom, and what came of it.
cases-form-language = Language of the report
cases-form-where = Where and for whom
cases-form-country-unset = Not said
cases-form-country-help = EU and EEA countries and Switzerland.
cases-form-region-help = A region, province or city, e.g. “Tyrol” or “Lyon”.
cases-form-levels = Education levels (ISCED 2011)
cases-form-what = What you did
cases-form-context = Context
cases-form-context-help = The school or setting and the learners: how many, how old, anything particular about them.
cases-form-problem = Problem or need
cases-form-problem-help = What you wanted to change, and why.
cases-form-intervention = Intervention
cases-form-intervention-help = What was done: the pedagogy, the activities, how long, how often. A blank line starts a new paragraph.
cases-form-ict-tools = ICT and tools
# $max: how many may be given.
cases-form-ict-tools-help = Separated by commas, e.g. “Tablets, Padlet, Moodle”. At most { $max }.
cases-form-actors = Actors and roles
cases-form-actors-help = Who took part and what each did: teachers, head, learners, parents, partners.
cases-form-obstacles = What got in the way and what helped
cases-form-barriers = Barriers
cases-form-barriers-help = What made it hard, and how you dealt with it.
cases-form-enablers = Enablers and success factors
cases-form-enablers-help = What made it work: support, time, training, equipment, people.
cases-form-evidence = Evidence of impact
cases-form-indicators = Indicators and results
cases-form-indicators-help = What you measured or observed, and what changed, e.g. “Reading scores rose by 12% in one year”.
cases-form-evidence-links-help = One web address per line (http:// or https://): a report, a survey's results, an evaluation. At most { $max }.
# The example in the empty box for the evidence links: the start of a web address.
cases-form-evidence-links-placeholder = https://
cases-form-spreading = Spreading it
cases-form-costs = Costs and resources
cases-form-costs-help = Money, equipment, staff time and training it took.
cases-form-transfer = Conditions for transfer
cases-form-transfer-help = What another school would need to do the same.
cases-form-stage-choose = Choose how far it has spread…
cases-form-stage-help = From an idea not yet tried, through a pilot with some classes, to the whole school, a region, or the whole education system.
cases-form-frameworks = Frameworks
cases-form-digcompedu = Digital competences of educators (DigCompEdu) it develops
cases-form-selfie = SELFIE areas it concerns
cases-form-selfie-help = The areas of the European Commission's SELFIE self-reflection tool for schools.
cases-form-sharing = Sharing
cases-form-materials = Linked teaching materials
cases-form-materials-help = One per line: a material’s title, its address (here or on another server) or its number here. At most { $max }.
cases-form-licence-choose = Choose a licence…
cases-form-licence-help = What others may do with the report. With a Creative Commons licence others can reuse and translate it.
# A link after cases-form-licence-help.
cases-form-licence-about = About the licences
cases-form-contact = Contact
cases-form-contact-help = How others can reach the team, e.g. a school address or an e-mail. It is shown to everyone.
# $name: the community's name; $url: its page.
cases-form-community-fixed-link = Published in the community <a href="{ $url }">{ $name }</a>; that does not change.
cases-form-community-fixed = Published in the community { $name }; that does not change.
cases-form-no-community = Published on its own, in no community.
cases-form-community = Community
cases-form-community-none = None: publish it on its own
cases-form-community-help = Published in a community, its members see it and its facilitators can verify it.
cases-form-community-join = You are not a member of any community yet: <a href="{ $url }">join one</a> to publish reports in it, where its facilitators can verify them.
# Follows cases-form-community-help or cases-form-community-join.
cases-form-community-final = This cannot be changed later.
cases-form-public-edit = Saving publishes the change: anyone can find it and comment on it, and it goes to your followers' servers.
cases-form-public-new = Publishing makes it public: anyone can find it and comment on it, and it goes to your followers' servers and to the community's members.
cases-form-save = Save changes
cases-form-publish = Publish
cases-form-cancel = Cancel

## A case report's page (cases_show.html)

cases-notice-published = Published. Schools here and on other servers can now find it.
# $version: the number of the version just saved.
cases-notice-saved = Saved as version { $version }.
cases-notice-verified = Marked as verified. The community's members are told.
cases-notice-unverified = The verification was removed.
# The link back to the browse page.
cases-back = Case reports
# $name: the author's name; $url: their profile. Their address (@name@server) follows.
cases-shared-by-link = Shared by <a href="{ $url }">{ $name }</a>
cases-shared-by = Shared by { $name }
# After the date it was shared.
cases-changed = changed <time datetime="{ $date_iso }">{ $date }</time>
cases-in-community-link = Published in the community <a href="{ $url }">{ $name }</a>
cases-in-community = Published in the community { $name }
cases-from-elsewhere = Shared from another server: <a href="{ $url }" rel="noopener noreferrer">see it there</a>.
cases-edit = Edit
# $count: how many comments.
cases-comments = Comments ({ $count })
cases-levels = Levels
cases-digcompedu = Digital competences (DigCompEdu)
cases-selfie = SELFIE areas
cases-verified = Verified
cases-verified-by = Verified by { $by } on <time datetime="{ $date_iso }">{ $date }</time>
cases-not-yet = Not yet
cases-version = Version
# $kinds: the kinds of evidence, separated by commas.
cases-evidence-kinds-list = Kinds of evidence: { $kinds }
# The headings of a report's sections.
cases-section-context = Context
cases-section-problem = Problem or need
cases-section-intervention = Intervention
cases-section-ict-tools = ICT and tools
cases-section-actors = Actors and roles
cases-section-barriers = Barriers
cases-section-enablers = Enablers and success factors
cases-section-evidence = Evidence of impact
cases-section-costs = Costs and resources
cases-section-transfer = Conditions for transfer
cases-section-contact = Contact
cases-materials = Teaching materials
# Shown in parentheses after a linked material.
cases-on-another-server = on another server
# A linked material here that has no title.
cases-material-unnamed = A teaching material
# A linked material on another server we know nothing else of; $host: that server.
cases-material-elsewhere = A teaching material on { $host }
cases-verification = Verification
cases-verification-done-link = <span class="badge verified">Verified</span> by { $by } on <time datetime="{ $date_iso }">{ $date }</time>, in the community <a href="{ $url }">{ $name }</a>.
cases-verification-done = <span class="badge verified">Verified</span> by { $by } on <time datetime="{ $date_iso }">{ $date }</time>, in the community { $name }.
cases-verification-pending-link = Not verified yet. The facilitators of <a href="{ $url }">{ $name }</a> can verify it once they have checked it.
cases-verification-pending = Not verified yet. The facilitators of { $name } can verify it once they have checked it.
# Asked in a dialog before the verification is removed; $title: the report's title.
cases-confirm-unverify = Remove the verification of “{ $title }”?
cases-unverify = Remove the verification
cases-verify = Mark as verified
cases-unverify-help = Removing it tells the community's members that the report is no longer verified.
cases-verify-help = Your name and today's date are shown with the mark, and the community's members are told.
# Refusals of the verification button ("verify" and "unverify" are what the form sends).
cases-verification-unknown-action = Validation failed: Choose verify or unverify
cases-verification-no-community = Validation failed: Only a case report published in a community can be verified
cases-delete = Delete
cases-delete-warning = Deleting takes it away here, and tells the other servers that have it. This cannot be undone.
# Asked in a dialog before deleting; $title: the report's title.
cases-confirm-delete = Delete “{ $title }” for good?
cases-form-school-subjects = School subjects
cases-form-school-subjects-help = The subjects the innovation is part of (at most 10). Type in the box to narrow the list.
cases-form-subjects = Fields of education (ISCED-F)
cases-form-subjects-help = The field of each school subject you choose is added for you; add others if they fit (at most 10).
cases-school-subjects = School subjects
cases-subjects = Fields of education
cases-filter-school-subject = School subject
cases-filter-any-school-subject = Any school subject
cases-filter-subject = Field of education (ISCED-F)
cases-filter-any-subject = Any field
cases-form-materials-find = Find a material to link
cases-form-materials-find-help = Type words from its title or description; choose it from the results.
cases-form-materials-link = Link “{ $name }”
cases-form-materials-linked = “{ $name }” is linked.
cases-form-materials-already = “{ $name }” is linked already.
cases-form-materials-none = No material matches these words.
