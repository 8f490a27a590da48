// Package server is archfolio's development server: it builds a site into memory,
// serves it, watches the site's files and rebuilds on every change, and reloads
// the browser when a rebuild is done.
//
// # Never stale
//
// Every rebuild is an incremental load (a generator.Loader kept for the life of
// the server: files whose stamp and bytes are unchanged are not read or parsed
// again, bodies are rendered again only when they or what they link to changed)
// followed by the link and analyse stages over the whole portfolio, so every page
// that depends on a changed file (backlinks, indexes, owner and tag pages, the
// views) is recomputed. The result is a render.LazySite: its pages are rendered
// when the browser first asks for them, with the same names and bytes a full
// render.Render writes (a test compares them after a sequence of edits). The
// output folder is never written. A burst of file events is debounced into one
// rebuild; a change that arrives while a rebuild runs cancels it and starts
// another.
//
// # Watching
//
// With fsnotify, the site root itself (for archfolio.yaml and for content/,
// static/ and themes/ appearing or being replaced) and every folder under
// content/, static/ and themes/, including folders created later: a new folder is
// walked when it appears, and the rebuild that follows reads whatever was written
// into it before its watch existed. The output folder, .git and editor temporary
// files (generator.IgnoredFile) are never watched and never trigger a rebuild.
// When the inotify limit is reached, starting fails with ErrWatchLimit (a message
// naming fs.inotify.max_user_watches); reached later, the server logs it and
// falls back to polling. Server.Poll polls from the start.
//
// # Serving
//
// Only files of the last build are served, under Server.BasePath; anything else is
// the site's 404.html with status 404. A page that fails to render (a template
// error, found only when the page is asked for) is served as the failure page
// with status 500. Into HTML responses (never into the built
// files) the server injects a small script that listens for Server-Sent Events at
// BasePath + "__archfolio/events" and reloads the page, keeping its scroll
// position, after each rebuild, and reconnects when the server restarts. While
// the portfolio has errors, the last good build keeps being served with an overlay
// listing every diagnostic; a build without errors clears it. Warnings show as a
// small dismissible badge.
package server
