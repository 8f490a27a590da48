// Package generator turns a portfolio — a folder of markdown documents with YAML
// front matter — into a cross-linked static site. This comment is the contract;
// keep it true as the code changes. What users read (every field, the rules of
// each view, the CSV columns, the command line) is package generator/help,
// printed by `archfolio help TOPIC`; keep it true too.
//
// # Pipeline
//
// Every run goes through named stages with typed values between them:
//
//	load      loadFiles              fs.FS → []sourceFile, files to copy  (load.go)
//	highlight builder.highlightAhead fenced code → mdext.Cache            (build.go, mdext)
//	parse     builder.parse          sourceFile → *Document: front matter (parse.go, validate.go)
//	index     builder.index          []*Document → *Portfolio: ids, URLs  (link.go)
//	body      builder.parseBody      markdown → headings, links, HTML     (parse.go)
//	link      builder.link           references, backlinks                (link.go)
//	analyse   analyse                *Portfolio → computed views          (analyse.go, result.go)
//	render    render.Render          *Portfolio → files on Output         (package render)
//	write     publish.Publish        Output → the output folder           (package publish)
//
// Load runs load → analyse and returns the Portfolio with every Diagnostic; check
// stops there (with Options.CheckOnly, which skips rendering bodies, and through
// a Loader restored from its cache: see Incremental loads).
// render.Build adds render and write. Parse, body, link (by document), analyse (by view) and render
// run on all cores. The body stage comes after the index so that each body is
// parsed, its links pointed at their pages and rendered in one go: a build holds
// one markdown AST per core, never all of them.
// Fenced code is highlighted once per distinct block (mdext.Cache), by chroma's
// lexers and archfolio's own writer of chroma's class markup (mdext.formatTokens);
// archfolio runs a regular-expression lexer's rules itself (mdext.ruleLexer,
// chroma's loop on its own copy of chroma's compiled rules, without chroma's
// 250 ms match timeouts, skipping a rule whose match cannot start with the rune
// at hand: chroma's tokens, faster), except a lexer whose rules hold functions,
// which chroma runs on that copy, one block at a time where they rewrite its
// rules (Raku); a lexer another one archfolio runs calls by name (HTML's
// script) runs in the same loop (mdext.nestedRegistry). A block whose lexer, or
// a lexer it calls in that loop, fails (an error, a panic, or a stall:
// maxEmptyRun empty tokens, or maxIdle rounds of its rules without moving, in a
// row, counted, not timed) is shown plain and escaped. Lexers chroma runs whole
// (Markdown, its template-language wrappers) call others in chroma's own loop,
// unguarded and with chroma's 250 ms match timeouts. build and serve keep the
// blocks in a folder across runs (cmd/archfolio/highlightcache.go):
// the site's own under the user's cache folder, which a run that asked for every
// block of the site prunes to those (Cache.Prune), or --cache DIR, pruned
// alike only with build --prune-cache;
// --no-cache keeps none. A block file is used only if it shows its code exactly,
// in the markup Highlighter writes (mdext.validBlock): a folder someone else can
// write may recolour a block, never change its text or markup. A build (not check, and not serve's rebuilds, whose
// cache lives on) highlights every block a line scan finds (mdext.Fences) before
// parsing anything (highlightAhead says why it comes first). The
// body stage takes each block from the cache, which lets it go after the last
// rendering the scan counted. Render writes the exports alongside the pages, the
// large ones (portfolio.json, matrix.json) streamed an item at a time. Pages
// are written as the Markup section below says; the fragments many pages share
// (the menu, links to documents, document list items) are cached once per page
// depth when a theme's template writes them (render/fragments.go). Go-written parts
// are lent to the page being rendered (Page.lend) from pooled buffers
// (markup.Pool), copied once into the page; only package render can lend. A
// build renders once, so it lets each document's rendered body go when its page
// is written (unless the site's own layouts may show it elsewhere); the search
// index, written alongside, takes every body before the first page is written,
// reads each one's text from its HTML (search.PlainText) as it indexes it and
// keeps of the text only what a result shows, so that a body goes once its page
// and its index entry are done. (A dev server's Loader keeps each body's text,
// Document.Text, with the body between loads.) The site is
// read only through an fs.FS: OpenSite for real sites (an os.Root, so no link out
// of the site is followed, and only regular files and folders are opened, a
// document only when it is within the size limit), fstest.MapFS in tests;
// the default theme is an embedded fs.FS (package themes) that a site's
// themes/NAME folder overrides file by file.
//
// # Packages
//
// This package is the document model and the pipeline: Load (load, parse,
// index, body, link, analyse), the incremental Loader, the site's
// configuration and schema, and the typed place of each view's result
// (Result). Around it:
//
//	diag          diagnostics: positions, codes and their help, text/JSON/SARIF/GitHub output
//	frontmatter   the front matter's one read: its bounds, values as yaml.v2 gave them, positions
//	render        pages, layouts, the theme, exports, the View registry; Render, Build, LazySite
//	markup        the HTML writer and the component registry (Component[T], overrides)
//	matrix        the standards alignment matrix: records, roll-ups, pages, matrix.csv/json
//	dependencies  the dependency map: graph, portfolio/domain/neighbourhood maps, impact pages
//	roadmap       the IAM roadmap: tracks, lanes, capabilities, timelines, roadmap.csv
//	risk          the risk register: threats, severity, heat map, panels
//	reviews       the review schedule: reviews page, findings, conditions
//	backlog       the remediation backlog: due dates, SLAs, waivers, backlog.csv
//	decisions     the decision log: supersession chains, loops, decisions in force
//	radar         the technology radar: blips from rings and archfolio.yaml's quadrants,
//	              their layout and SVG, movement since an earlier portfolio (Compare)
//	audit         the audit packs: a printable page per standard and per blueprint
//	quality       data quality: expected fields per kind and owner, stale evidence,
//	              recurring findings; the quality page and `check --quality`
//	changes       the Changes page: the portfolio compared with a git revision (history's Diff)
//	views         registers the view packages with the generator, one line each
//	sitetest      fixture sites for the view packages' tests
//	mdext         goldmark extensions: front matter, wikilinks, fenced code and its cache
//	graph         dependency graphs: reachability, cycles, collapsing
//	diagram       layered layout and the one SVG writer (dependency maps, roadmap,
//	              threat models' data-flow diagrams in nested frames)
//	pager         long lists cut into pages of bounded size, and the links between them
//	publish       outputs, destination checks, the atomic swap (the write stage)
//	oscal         `archfolio import oscal`, over this package's public API
//	adr           `archfolio import adr`, over this package's public API
//	backstage     `archfolio import backstage`, over this package's public API
//	threagile     `archfolio import threagile`, over this package's public API
//	jira          `archfolio jira sync`, over this package's public API
//	history       git history: when each document last changed (one git log, read once);
//	              `archfolio diff` and `check --since`: the portfolio at two revisions (git
//	              archive, never a checkout), each loaded at its own date, compared
//	trends        the home page's key figures at past month ends, from git, cached per
//	              commit and day
//	help          the reference as embedded markdown, `archfolio help TOPIC`
//	server        `archfolio serve`: watcher, incremental rebuilds, live reload
//	synth         the synthetic portfolios of the tests and benchmarks
//	scaffold      `archfolio new KIND ID`: a new document that passes check
//	search        the client-side search index: terms, ranking weights, shards
//
// A view (render/view.go) is a render.View value: its analysis, menu entry, pages, panels,
// home-page cards, exports, JSON and template functions, every hook optional.
// Its analysis keeps its result in a Result[T] it declares, a typed place on
// every Portfolio (Portfolio has no field of any view); another view reads it
// through the owner's accessor (the backlog reads reviews.Of, and uses the
// risk register's severity block). Each view package declares its View and
// generator/views registers it with render.RegisterView, in menu order (which
// gives its analysis to this package's Load, RegisterAnalysis), so a view is
// added or removed by its package and one line; whatever builds sites
// (cmd/archfolio, the server, the OSCAL importer, the tests) imports
// generator/views. The staleness of documents is the one view built in. A
// view package's tests are external (package matrix_test) over
// generator/sitetest, since sitetest imports every view; export_test.go files
// give them the internals they check.
//
// # Markup
//
// Go is the one source of the default markup (package markup, render/layout.go
// and each view's files). Each block of it is a component: a name and a Go
// function over a typed data value, markup.Component[T] declared with
// markup.New by the package that owns it, written by markup.Writer, which
// escapes exactly as html/template does. The "base" component writes every page
// around its content; the content of the layouts that make most pages
// (page.html, kind.html, group.html, impact.html, risks.html,
// dependencies.html, matrix.html, backlog.html, reviews.html) is a component
// ("page-content", "kind-content", ...) over PageData[T], which the page's job
// names with its typed data (Content), so no writer asserts the type of
// Page.Data; and so is every panel (PanelPage[T],
// T the view's own data type) and every block these write inside them
// (status, doclink, docitem, menu, value, tags, filters, alignment-record,
// backlog-due, risk-severity, ...; the registry lists them all). The pages
// nobody needs to be fast (home, lists, search, 404, the roadmap, the radar,
// waivers, all documents, changes, and a roadmap item's panel) stay html/template
// layouts in themes/default/layouts: their "content", "head" and "scripts"
// templates, which the base component runs. The default theme defines no
// template of a component's name.
//
// A theme replaces any one block by defining an html/template of its name, in
// any file of its layouts/ (layouts/status.html holding {{define "status"}}
// is read as a partial). When a theme is loaded each component's override is
// found once and kept in a slice by component slot (markup.Bind), so the Go
// caller's check is an index; the template then receives the same typed value the Go
// writer would have, and everything around it stays Go. A whole layout is
// replaced by a layout file that defines "content"; the base by a "base"
// template, which places .HeadHTML, .ContentHTML and .ScriptsHTML. Templates
// call components by name, {{template "status" .Doc.Status}}: for each
// component a theme does not override, the theme is given a define of that
// name calling the Go writer (markup.Defines), and typed constructors
// (filterForm, and the views' own View.Funcs: depsFrame, riskDocs,
// backlogTable) build the data of those that
// take more than one value. An override's template error fails the page. A
// "status" override also gives the words of a status filter's options (the
// text of the badge each picks: statusWords), so that they read as the badges.
// check warns about a template the site's theme defines that no component,
// panel or template calls (render/themecheck.go): a misspelt override.
// TestComponentOverrides overrides each component in turn and finds its mark
// in the output.
//
// # Incremental loads and lazy rendering (the dev server)
//
// A Loader (incremental.go) runs the same stages again after every change and
// returns what Load would, redoing only what the change can reach: a file is read
// again unless its stamp (size, mtime, inode, ctime, older than racyWindow) is the
// one it had when read; parsed again only when its bytes changed; its body
// rendered again only when its bytes changed or something the body read from
// other documents did (its URL; each link's target, that target's URL and, for
// wikilinks, its title). Index, link and analyse run every time over the whole
// portfolio, so backlinks, indexes and views are always whole; while they run, an
// analysis may read its own result of the last load (Result.Earlier) and reuse
// what it proves unchanged. The matrix does (matrix/matrix_reuse.go): a
// blueprint's alignment records, their diagnostics and its row's cells are
// taken from the last load when its file is unchanged (the same parsed Fields),
// its compliance references resolve to standards of the same ids whose
// statements are the same, each evidence id still names a document or none as
// before, Today is the same, and no diagnostic of the row suggests an id; the
// copies point to the new load's documents. The dependency graphs reuse each
// document's node and edges (dependencies/dependencies_reuse.go) when its file
// is unchanged and each depends_on resolves to the same id.
// TestLoaderReusesAnalysesOnlyWhenUnchanged changes each of these inputs in
// turn. Every load gets new
// Documents (copies of the cached parse results, which are never modified), so
// an earlier portfolio stays renderable. A configuration change drops the caches.
// A LazySite (render/lazysite.go) is Render on demand: it lists every page (the pages'
// heavy data is made when each is rendered) and renders a page, or runs an
// export, when one of its files is first asked for; its names and bytes are
// Render's. TestLoaderEqualsLoad checks both against Load and Render after a
// sequence of edits. The dev server (package generator/server) uses them after
// every change and never writes.
//
// `archfolio check` loads through a Loader too, restored from the cache the last
// check saved (Loader.Save and Restore, loadcache.go; the file is
// archfolio/check/site-HASH.cache in the user's cache folder, or under --cache).
// It holds, per file, what the Loader keeps in memory: the SHA-256 of the bytes,
// the parse stage's Document and diagnostics, the body stage's headings and links.
// A restored file is read again, and reused only for the same digest, unless its
// stamp vouches for it as in the dev server; then it is read only if its body
// must be parsed again, and should its bytes differ by then (it changed during
// the check), the load starts again reading every file. Restore refuses a file that another build of archfolio wrote (the executable's
// SHA-256 is in the header) or whose CRC-32C does not match. Index, link, analyse
// and the site checks run as in any load, so a check's output never depends on the
// cache: TestLoaderEqualsLoad runs its edits with a new Loader restored before
// each load, TestCacheRoundTrip reads every Document back field by field, and
// TestCheckCache runs the command.
//
// # Views
//
// The analyse and render stages are extended by views (render/view.go, "Packages"
// above): each view is a pure analysis of the linked portfolio that keeps its
// result in its Result, plus the pages, document panels, home cards, exports
// and portfolio.json section that show it. In menu order, each a package:
//
//	matrix        standards alignment matrix, waivers, matrix.csv/json  (generator/matrix)
//	dependencies  dependency map, neighbourhoods, impact pages          (generator/dependencies;
//	              graph algorithms in package graph, layout and SVG in package diagram)
//	roadmap       IAM roadmap timelines, maturity, outcomes, roadmap.csv (generator/roadmap)
//	risks         threat severity, risk register, heatmaps, a threat     (generator/risk)
//	              model's system and its data-flow diagram
//	reviews       review schedule, conditions, findings                  (generator/reviews)
//	backlog       remediation due dates, SLAs, waivers, backlog.csv      (generator/backlog)
//	decisions     supersession chains, loops, decisions in force        (generator/decisions)
//	radar         technology radar of rings and quadrants, its table    (generator/radar)
//	audit         printable audit packs of standards and blueprints     (generator/audit)
//	quality       data quality and recurring findings, /quality/        (generator/quality)
//	changes       what changed since a git revision, for the quarterly  (generator/changes)
//	              review: the Changes page and its home card
//
// The quality view's analysis only makes room for its Report: the report
// reads the other views' results (matrix.Of, reviews.Of, risk.Of,
// backlog.Of), which an analysis may not, so quality.Of works it out once,
// when its page or its home card is first rendered or when `archfolio check
// --quality` asks for it after Load.
//
// A home card's Alert is an AlertLevel the view chooses from what the card
// counts (WorstAlert): critical for what needs action now (an expired waiver, an
// open critical risk), a warning for what needs planning (an expiring waiver);
// the card's class is alert-LEVEL.
//
// A view names the fields its panels present (View.Shows) so the generic metadata
// panel leaves them out. Documents' lists of objects otherwise render as tables.
//
// # Front matter and the schema
//
// A document is a markdown file under content/ whose first line is --- and whose
// front matter ends at the next line of dashes. The front matter is read once.
// goldmark-meta's block parser (its Trigger, Open and Continue, so its rules for
// where front matter starts and ends) delimits it inside the one shared goldmark
// instance, so body positions stay file positions; its Close is replaced
// (mdext.FrontMatter), because goldmark-meta decodes with yaml.v2 into a map and a
// yaml.MapSlice, which keep no positions, and decodes twice. The replacement parses
// the front-matter lines once with yaml.v3 into a node tree (mdext.FrontMatterNode);
// frontmatter.Decode (package frontmatter) turns that tree into the values yaml.v2 gave
// (YAML 1.1: yes, on and off are booleans, 1_000 is 1000, timestamps stay text;
// keys in the order written; merge keys dropped; yaml.v2's type errors) and, from
// the same tree, the position of every key and list item (frontmatter.Index). A YAML
// syntax error comes from that parse; yaml.v3 gives it only as text, so its line
// is read from the message in one function (frontmatter.SyntaxError) and moved to file
// lines. The kinds, their statuses and their fields are data: schema.yaml (embedded)
// plus any `kinds:` in archfolio.yaml, which may add kinds or fields. Field types:
// string, text, int, number, bool, date, period (2026-Q3 or a date), duration
// (P6M), enum, url, ref (an id of a document of given kinds; with anchor: true,
// ID#PART, the part kept as Ref.Anchor for a view to check: a threat model's
// mitigation names a standard's statement so), list, object, map. A field
// marked expected: true (a kind's own or a common one, never one inside a
// list or object: an error) is optional but counted by the data quality
// report (Schema.ExpectedFields, package quality).
// Values are normalised (Date, Period, Duration, *Object, []any) into
// Document.Fields. The front matter stays in memory for the whole build, so it
// is held in few objects: equal keys and short texts of a run are one string
// and one box (frontmatter.Scalars), as are heading ids, link targets and
// references' paths; equal dates, periods and durations are one value; a
// document's mappings and lists come out of a few arrays of its own
// (valueSlabs), its references eight at a time. Common fields (id, kind, title,
// status, owner, tags, summary, classification, review, draft) are copied to
// Document. id defaults to the file
// name and must be lower-kebab; a document with an invalid id gets no page.
//
// Options.Audience (audience.go, --audience) leaves out of the index, like a
// draft, every document classified above the level (unset is internal); the
// link stage then turns every reference to one from a document that stays
// into RestrictedReference: the Ref (Restricted, no To), the front-matter
// value it came from, any front-matter string that is a left-out id (evidence),
// and a body link or wikilink, whose text may be the title. Views see only
// the documents that stay, so no page, map, matrix, roadmap, register,
// export or search entry can show the others; Portfolio.Restricted answers
// for ids a view finds in free text. Files of content/ are published only
// when a document that stays links to them.
//
// archfolio.yaml's defaults: (defaults.go) is a list of {path: PATTERN, FIELD:
// VALUE, …}: PATTERN is a slash path relative to content/ (* within a name, **
// across folders), and each document it matches gets the entry's fields that its
// front matter does not write (a written field wins, whole; of two entries that
// match, the later one's field wins; id cannot be a default; a field no kind the
// entry can apply to has is an unknown setting, checkDefaults). They are merged as
// yaml.v3 nodes before the front matter is decoded, so a defaulted value is read,
// checked and linked exactly as a written one; its positions are archfolio.yaml's
// (Pos.File), so a problem with it is reported at the entry. A document the
// defaults match may have no front matter at all (a folder of foreign markdown,
// adopted as it is), and when it writes no title and its body starts with a #
// heading, that heading is its title and leaves the body (the body stage starts
// after it).
//
// # References
//
// A ref field names another document by id; the schema gives each ref field a
// relation ("depends on") and its inverse ("depended on by"), so backlinks are
// computed, never written twice. Bodies link to other documents by relative .md
// path (with an optional #heading-id, checked against the target's headings) or
// by wikilink [[id]] / [[id|text]]; both become "mentions" / "mentioned by". The
// body stage rewrites their destinations in the AST to the target page's URL
// relative to the linking page; the link stage reports the broken ones. Every
// other link or image with a relative destination names a file the build
// publishes as it is (a file of content/ or static/, below): the body stage points
// it at that file's URL relative to the page, and the link stage reports one that
// names no such file (AF206 broken-link, the code of broken .md links) and a path
// from the site's root (AF208), which a sub-path breaks. Links with a scheme
// (https:, mailto:), //host and #fragment-only links are not checked; raw HTML is
// neither checked nor rewritten. A file link's target is part of the body's cache
// key in a Loader, so a file that appears or goes re-renders the bodies naming it.
//
// # Diagnostics
//
// Every problem is a Diagnostic "path:line:col: severity: message", path relative
// to the site root, line and column (in characters) of the offending front-matter
// key or list item, or of the body link; for a value archfolio.yaml's defaults:
// gave, the path and position are archfolio.yaml's. Positions of front-matter paths
// ("compliance[2].waiver.expires") are taken when the front matter is read, from
// the same yaml.v3 node tree as the values. All diagnostics of a run are collected,
// sorted (path, line, column, severity, message) and deduplicated. Unknown ids,
// kinds, fields and enum values suggest the closest known one. Errors fail build
// and check (exit 1); warnings fail only check --strict. Nothing panics on bad
// input: binary, oversized, UTF-16 or invalid UTF-8 files, bad YAML, wrong types,
// unknown kinds, duplicate ids, broken links are each a diagnostic.
//
// Every diagnostic has a Code from one table (package diag, codes.go): a stable id AF<number>, a
// lower-kebab name, the severity and a sentence of help. A diagnostic is made only
// by NewDiagnostic or DiagSink.report, which take a code and give the diagnostic
// its code's severity; a test fails on a Diagnostic literal anywhere else. A code
// never changes meaning and is never reused; the hundreds group them:
//
//	AF1xx  files, front matter, fields and the schema  (load.go, parse.go, validate.go, link.go)
//	AF2xx  references between documents, body links    (link.go)
//	AF3xx  the standards alignment matrix              (package matrix)
//	AF4xx  dependencies between blueprints             (package dependencies)
//	AF5xx  the roadmap and its capabilities            (package roadmap)
//	AF6xx  threat models and risk                      (package risk)
//	AF7xx  reviews, decisions, the radar's quadrants   (packages reviews, decisions, radar)
//	AF8xx  remediation items and the backlog           (package backlog)
//	AF9xx  archfolio.yaml, the theme and the output    (config.go, build.go)
//
// The code shows in every format: text appends it to the line ("path:line:col:
// severity: message [AF201]"), so the form tools and editors parse is unchanged;
// json adds "code" and "rule" (the name); sarif uses the code as each result's
// ruleId, with its ruleIndex into tool.driver.rules, which lists the whole table
// (id, name, shortDescription and help, defaultConfiguration.level), so rule
// indexes are the same in every log and a code scanner learns every rule; github
// titles each annotation "AF201 unknown-id". The dev server's overlay shows the
// code after each message. help/codes.md (for archfolio help codes) and the
// README's table are written from the table, and a test holds them to it.
//
// # URLs and output
//
// Pages have pretty URLs: SECTION/ID/index.html, where SECTION is the kind's
// section (blueprints, standards, roadmap/items, …). Kind indexes are SECTION/;
// owners/ and tags/ list groups at owners/SLUG/ and tags/SLUG/. Every internal link
// is relative, so the site works under any sub-path and from disk (the theme
// script points folder links at index.html when opened from file://). base_url (or
// --base-url) is used only where absolute URLs are required: canonical links,
// sitemap.xml, 404.html. A sitemap takes absolute locations only, so sitemap.xml
// is written only when base_url is an http(s) URL: a path (/arch/) names no host
// to make them with, and no sitemap is better than an invalid one that crawlers
// reject (no warning either: a site on an intranet path is not at fault). 404.html,
// served at every missing address, has no canonical link. Every page links the
// theme's icon (assets/favicon.svg), so no page load asks for a missing
// /favicon.ico. Exports: portfolio.json (schema PortfolioJSON, version 1),
// sitemap.xml, the search index (assets/search/: package search, written from
// the documents this build publishes by writeSearchIndex in search.go, each
// body's text taken as it is rendered), the views' own files (matrix.csv,
// matrix.json, roadmap.csv, backlog.csv, dependencies/edges.js), and a
// filter-rows.js beside the continuation pages of each list with filters
// that has more than one page (below).
//
// A document's page, for its readers (generator/mdext, render/docpage.go,
// themes/default/static): every h2 to h4 of the body has an id and a link to
// itself (mdext.HeadingAnchors); a heading id that the page around the body
// uses (main, q, …-title, field-…) or that an earlier heading has becomes
// id-1, id-2, … (h-id-1 for field-…), so no id repeats on a page. A fenced
// mermaid block is never highlighted: it is its escaped source in <pre
// class="mermaid">, which a page with one (and only such a page) draws with
// assets/diagrams.js and the mermaid library the theme embeds
// (static/vendor/mermaid/, published only by a site with a diagram; version in
// .ci/vendored.tsv). check does not parse diagrams (mermaid's parser is
// JavaScript); a block mermaid cannot parse shows mermaid's error above its
// source. archfolio.yaml's edit_url (an http(s) URL with {path}: the document's
// path under content/, each segment escaped; else AF909) adds an "Edit this
// page" link. Options.LastChanged (build and serve read it with
// generator/history: one git log over content/, committed changes only, the
// committer date in UTC) adds "Last changed DATE" and the page's <lastmod> in
// sitemap.xml; without git or outside a repository there is none. The theme's
// colours are light-dark() pairs: the system's preference picks one unless the
// reader chose with the header's switch (data-theme on the root element, kept
// in localStorage and set by assets/theme.js, the first thing in the head, so
// the page is never drawn in the other theme first).
//
// Trends: with archfolio.yaml's trends.months (or build's and serve's
// --trends N), the home page draws each numeric key figure at the end of
// each of the last N months before today's month, then today, as a small
// chart in its card (each point a link to the figure's page) and as a table
// "Key figures by month". Options.Trends gives the points: generator/trends
// reads the site as it was at each month's last commit (git archive), loads
// it as check does with Today at the month's last day, and keeps the
// figures (render.HomeCards) in the cache folder (--cache DIR/trends, else
// the user's cache folder), one JSON file per commit, day and audience, so
// a later build loads no past site again. A month before the first commit
// has no point; without git or outside a repository there are none, and a
// shallow clone has the months since its oldest commit: either way
// archfolio.yaml's trends: gets a warning (AF910) that says so.
//
// No page grows with the portfolio: every list that does (a kind's documents,
// the dependency map's tables, the rows of each matrix grid, the waiver
// register, the risk register's per-blueprint lists) is cut into pages by
// package pager. A list's first page stays at the address the whole list had
// (SECTION/, dependencies/, matrix/, matrix/statements/FAMILY/, …), so every
// existing link and anchor keeps working and a portfolio that fits on one page
// renders as before; the other pages follow at a folder of their own:
// documents/SECTION/N/ for a kind's index (any name under SECTION/ may be a
// document's id), dependencies/PART/N/ (blueprints, all, sunset, cycles,
// orphans), GRID/blueprints/N/ for a matrix grid, matrix/waivers/N/,
// risks/threats/N/, risks/residual/N/ and risks/without-threat-model/N/,
// backlog/LIST/N/ (open, by-blueprint, by-owner, by-source, accepted,
// waivers; a group cut by a page is headed on each) and roadmap/TRACK/N/ (a
// track's items, lane by lane, each page with the timeline, table and outcome
// trace of its items; the first with a line per capability, the slipped items
// and the maturity heatmap). Pages rather than a page
// per domain or family: a domain, a family or a framework's control group can
// itself hold most of a portfolio (a portfolio with one domain, a framework
// with a thousand controls), so only a page of bounded rows bounds the page;
// the grouping stays in the order the rows are listed in (a group cut by a
// page headed again on the next, or named in a column, as the dependency
// map's table of every blueprint names each row's domain), and the roll-ups stay on the first page (the domain map and its
// counts on dependencies/; adoption per standard, coverage per family and per
// framework on matrix/). Splitting by group as well is kept for the one case
// where the columns, not the rows, grow: a catalogue's controls (below).
// Pages are a bounded number of rows (kind index 800, dependency lists
// 100–200, waivers 800, risk lists 300, backlog lists 150–200, roadmap items
// 100; a risk heatmap cell links 20 threats) or, for a matrix grid, about 300 kB
// of rows. Sorting a list of several pages sorts the whole list (a kind's
// index, every review, every threat, the open remediation items, the
// dependency map's table of every blueprint, every dependency, the
// dependencies going away, a roadmap track's table): the list
// writes every row's HTML to MORE/sort-rows.js
// (render.SortRows, a view's through View.Sorted; links relative to that
// folder), which site.js loads at the first sort to show the sorted list a
// page at a time, the filters narrowing all of it, until the reader goes back
// to the list's own pages (a link to a row it does not show, such as a risk
// heatmap's, shows the sorted page that holds it; a theme that writes the
// list's table its own way, a template of its block or a layout file of its
// own, gets no rows file, SortRows.Components and Layout; sitetest.CheckSortRows
// holds each file to the rows of its pages). A filter's value is the field as
// the front matter writes it, in the rows' data- attributes, the options'
// values and the query string alike, so that ?domain=payments means the same
// on every list (render.Filter.Show gives the option's words; two values of the
// same words show their values too, Filter.Options). The filters
// answer for the whole list: a list with filters that has more than one page
// (a kind's index, every review, every threat, the open remediation items,
// each matrix grid, the table of every blueprint, every dependency, the
// dependencies going away) writes its rows as the filters see them, a value index per filter and row,
// to MORE/filter-rows.js (render.FilterRows, linear in the list), and its
// filter form names that file and every page of the list. site.js hides the
// page's rows that do not match, then loads the file (a script, so that it
// loads from disk) and says how many rows of the whole list match, page by
// page, linking those pages with the filters in their query string, which the
// pager's links then carry too (sitetest.CheckFilterRows holds each file to
// the rows of its pages).
// The reviews page's lists continue at documents/reviews/LIST/N/ (overdue,
// upcoming, conditions: 200 a page) and documents/reviews/N/ (all reviews,
// newest first, then by id: 150 a page): under reviews/ any name may be a
// review's id, and these are the addresses where the review kind's own
// index, which reviews/ replaces, would continue.
// A matrix grid's rows are cut by the bytes their cells write (pager.ByCost),
// the other lists by count; a framework of more than matrix.GridControls
// controls (a catalogue) has a grid per control group, at
// matrix/controls/FRAMEWORK/GROUP/, so that no grid's header is repeated over
// pages of a row or two; the statements and controls grids leave out the
// blueprints with no cell in their columns. Where a page shows the most that
// matters of a set (an impact page's 100 dependents most at stake, a
// standard's 400 blueprints, gaps first, a long cycle's first and last 12), it
// says so and names where the rest is: the other pages, matrix.csv,
// portfolio.json, `archfolio impact ID`; an impact page lists all its
// dependents on request, computed in the browser (assets/impact.js) from
// dependencies/edges.js, the graph as a node table and index pairs, a script
// so that it loads from disk too. The whole dependency map is drawn only
// while blueprints and dependencies are at most 800 together. The work is
// linear in what the pages show, as the bytes are: an impact page's counts
// and first rows come from one breadth-first walk over node indexes
// (graph.WalkDependents, whose marks are reused from walk to walk), never
// from the whole set built as values, and whatever several pages of a list
// read (the dependencies onto blueprints going away, each domain's
// blueprints) is worked out once per analysis. The dependency map's table of
// every blueprint is one table, domain by domain (each domain's first row is
// the anchor its box on the domain map links to), so that its filters
// (domain, criticality, lifecycle, under keys starting "table" on a page
// with two other filtered lists) and its sort take the whole list.
//
// The Changes page (package changes, changes/) is there when a revision is
// set: archfolio.yaml's changes.since, which build --since and serve --since
// override (a tag, a branch, a commit, or YYYY-MM-DD for the last commit on
// or before that day). Options.Changes, which build and serve set
// (changes.Source; Load and the Loader call it after the analyses, never under
// CheckOnly), resolves the revision and loads the site at that commit from git
// (history.Baseline, kept by commit, so the dev server reads it once, not on
// every save); the comparison (history's Diff, worked out when the page or
// its home card is first rendered) is the one `archfolio diff REV` prints, in
// the same sections (Diff.Report: what got worse first), each document
// linked and statuses and enum values in words, a section cut at 200 lines
// with the count of the rest. Without git, outside a repository, in a
// shallow clone without the revision, or for a revision that does not exist,
// the load warns (AF911: at changes.since, or archfolio: for --since), the
// page says why, and the rest of the site is built.
//
// Audit packs (package audit) are pages made to print, one per standard at
// print/standards/ID/ and one per blueprint at print/blueprints/ID/, linked
// from each one's page ("Audit pack"). A standard's pack lists every
// blueprint it applies to or that records an alignment with it, so its rows
// are cut by the bytes they write (pager.ByCost, about 300 kB a page, like a
// matrix grid), its other pages at print/standards/ID/N/: pages rather than
// a page per domain, for the reason above. A blueprint's pack grows only
// with its own records, threats and reviews. Their print stylesheet
// (assets/audit-print.css) takes the printer's paper size (size: auto, so A4
// and Letter), repeats each table's header row, wraps cells rather than
// cutting columns and numbers the pages in the bottom margin box.
//
// Files are copied as they are: static/ to the output's root, and every file of
// content/ that is not markdown (an image beside a decision, a diagram, a PDF) once,
// at files/ and its path under content/ (FileURL: content/decisions/flow.png is
// files/decisions/flow.png). A page's folder is its own and a document may sit
// beside many others or in none of their sections, so a file is not copied into
// each page's folder: the body stage points each link at the one copy instead. The
// load stage lists these files in the same walk as the documents (listFiles) and
// checks them as static/'s (publishable: regular files inside the site, through
// the confined site FS), and up to maxPublishedFileSize (32 MiB) where static/ has
// no limit; the files it skips are AF101 and AF102 diagnostics.
//
// Values reach readers in words, one way on every page: field names and enum
// values through generator.Humanize (which keeps acronyms: NFRs, KPI, IAM),
// durations as words (Duration.Words: 6 months), a framework by its
// frameworks: title and a control with its title from there, and a jira
// field as the link archfolio.yaml's jira url makes (TestNoRawValuesReachReaders
// reads every page of the sample for the forms front matter writes).
//
// Output is deterministic: everything that reaches a file is sorted, and the date
// is Options.Today. Kind indexes and owner and tag pages list documents by title
// (sortByTitle), Portfolio.ByKind stays in id order. A sortable table's enum cell
// carries its value's rank in the schema's list as data-sort (PutSortRank, with
// Schema.EnumValues), which site.js sorts by, so enums never sort alphabetically. publish.Publish renders into a fresh folder beside the
// destination, marks it with publish.Marker and swaps it in once every file is
// written; when rendering or writing fails (or the context is cancelled) the
// destination is left as it was. render.Build publishes nothing when the portfolio has
// errors, unless Options.PublishWithErrors. publish.CheckDestination refuses
// the site root, content/, static/, themes/ and anything inside them, any folder
// containing one of them, the home folder, / and any non-empty folder without the
// marker; it removes what killed builds left beside the destination.
//
// # Writing to the site
//
// Nothing above writes into the site root. The integrations do, each in its own
// package over this one's public API: jira.Sync (package generator/jira) sets the
// status: and due: lines of remediation documents from a JIRA export, editing those
// lines only and replacing each file atomically; oscal.Import (package
// generator/oscal) writes a standard per control family of an OSCAL catalogue and
// never overwrites a file; adr.Import (package generator/adr) writes a decision
// per architecture decision record of a folder (MADR, adr-tools, log4brains) and
// copies the files beside them, never overwriting a file, so that a second run
// changes nothing; backstage.Import (package generator/backstage) writes a
// blueprint per component and system of a Backstage catalogue and, run again,
// updates the fields and the body section it owns in place, keeping every other
// byte, and never deletes a file; threagile.Import (package generator/threagile)
// writes one threat model from a Threagile model and its risks.json, mapping
// likelihood and impact so that the computed severity is Threagile's. The ADR
// and Threagile imports write through WriteNew, which never overwrites.
//
// # Escaping
//
// Templates are html/template, so every value from content is escaped for its
// context (text, attribute, URL: javascript: becomes #ZgotmplZ); markup.Writer,
// which writes the components, escapes as html/template does
// (a property test and a fuzz target hold it to it). Raw HTML in
// markdown is shown escaped unless archfolio.yaml sets unsafe_html: true; goldmark
// drops dangerous link schemes either way. JSON is written with encoding/json's
// rules (the encoding/json/v2 reference implementation with v1 options for the
// large exports), which escape <, > and &.
package generator
