package server

import (
	"bytes"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// reservedPrefix is the path under BasePath that belongs to the server, not the
// site: the live-reload stream and script.
const reservedPrefix = "__archfolio/"

// ServeHTTP serves the built site under BasePath, the live-reload stream and its
// script; every other address gets the site's 404 page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.loopback && !loopbackHost(r.Host) {
		// A page elsewhere that rebinds its DNS name to 127.0.0.1 must not read
		// the portfolio.
		http.Error(w, "archfolio serve answers only to localhost, 127.0.0.1 and [::1]", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := s.state.Load()
	rel, ok := strings.CutPrefix(r.URL.Path, s.BasePath)
	if !ok {
		if r.URL.Path == "/" || r.URL.Path+"/" == s.BasePath {
			http.Redirect(w, r, s.BasePath, http.StatusFound)
			return
		}
		s.serveNotFound(w, st)
		return
	}
	switch rel {
	case reservedPrefix + "events":
		s.serveEvents(w, r)
		return
	case reservedPrefix + "live.js":
		writeFile(w, http.StatusOK, "text/javascript; charset=utf-8", liveJS)
		return
	}
	s.serveSite(w, r, st, rel)
}

// serveSite serves the file of the build at rel (the path below BasePath).
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, st *siteState, rel string) {
	if st.files == nil {
		writeFile(w, http.StatusInternalServerError, "text/html; charset=utf-8", s.failurePage(st))
		return
	}
	name, ok := siteFile(rel)
	if !ok {
		s.serveNotFound(w, st)
		return
	}
	data, found, err := st.files.File(name)
	if err != nil {
		s.serveRenderError(w, st, err)
		return
	}
	if found {
		s.serveSiteFile(w, http.StatusOK, name, data, st)
		return
	}
	if _, isDir, _ := st.files.File(rel + "/index.html"); isDir && rel != "" && !strings.HasSuffix(rel, "/") {
		// A folder asked for without its slash: relative links need the slash.
		target := r.URL.EscapedPath() + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusFound)
		return
	}
	s.serveNotFound(w, st)
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = strings.Trim(hostport, "[]")
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// siteFile maps a request path below BasePath to a file name of the built site:
// folders to their index.html. It refuses anything that is not a plain relative
// path (dot segments, empty segments, backslashes, NUL), although only files of the
// build can be served anyway.
func siteFile(rel string) (string, bool) {
	if rel == "" {
		return "index.html", true
	}
	if strings.ContainsAny(rel, "\\\x00") || strings.HasPrefix(rel, "/") {
		return "", false
	}
	segs := strings.Split(rel, "/")
	for i, seg := range segs {
		if seg == "." || seg == ".." || (seg == "" && i != len(segs)-1) {
			return "", false
		}
	}
	if strings.HasSuffix(rel, "/") {
		return rel + "index.html", true
	}
	return rel, true
}

func (s *Server) serveNotFound(w http.ResponseWriter, st *siteState) {
	if st.files == nil {
		writeFile(w, http.StatusNotFound, "text/html; charset=utf-8", s.failurePage(st))
		return
	}
	page, ok, err := st.files.File("404.html")
	if err != nil {
		s.serveRenderError(w, st, err)
		return
	}
	if ok {
		s.serveSiteFile(w, http.StatusNotFound, "404.html", page, st)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// serveRenderError serves the failure page for a file that could not be rendered
// (pages are rendered when asked for, so a template error shows here).
func (s *Server) serveRenderError(w http.ResponseWriter, st *siteState, err error) {
	failed := *st
	failed.failure = err
	writeFile(w, http.StatusInternalServerError, "text/html; charset=utf-8", s.failurePage(&failed))
}

// serveSiteFile writes a file of the build; HTML gets the live-reload snippet.
func (s *Server) serveSiteFile(w http.ResponseWriter, status int, name string, data []byte, st *siteState) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, st.snippet)
	}
	writeFile(w, status, ctype, data)
}

// writeFile writes a whole response that no cache may keep: a dev server's pages
// change with every save.
func writeFile(w http.ResponseWriter, status int, ctype string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// inject returns page with snippet inserted before its closing body tag, or at
// its end when it has none. The page itself is never modified.
func inject(page, snippet []byte) []byte {
	i := lastIndexFoldASCII(page, "</body>")
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(snippet))
	out = append(out, page[:i]...)
	out = append(out, snippet...)
	return append(out, page[i:]...)
}

// lastIndexFoldASCII finds the last occurrence of an ASCII needle, ignoring case.
func lastIndexFoldASCII(s []byte, needle string) int {
	for i := len(s) - len(needle); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(needle)], []byte(needle)) {
			return i
		}
	}
	return -1
}
