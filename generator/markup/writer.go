package markup

import (
	"bytes"
	"strconv"
	"strings"
	"time"
)

// Writer writes HTML from Go: the components' markup. It escapes exactly as
// html/template does in the same contexts, so a component and a theme's
// template for it write the same bytes for the same value (writer_test.go
// holds it to that).
type Writer struct {
	*bytes.Buffer
	env *Env // the page's overrides and error; nil writes the Go defaults
}

// NewWriter returns a writer into buf with env's overrides and error (nil:
// the Go defaults, errors dropped).
func NewWriter(buf *bytes.Buffer, env *Env) Writer { return Writer{buf, env} }

// Raw writes markup that is already HTML.
func (w Writer) Raw(s string) { w.WriteString(s) }

// Text writes s escaped for text or a quoted attribute value, as html/template's
// html escaper does (it also escapes + and turns NUL into U+FFFD).
func (w Writer) Text(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case 0:
			rep = "\uFFFD"
		case '"':
			rep = "&#34;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(rep)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// Date writes a date as the theme's date function does.
func (w Writer) Date(t time.Time) {
	var b [16]byte
	w.Write(t.AppendFormat(b[:0], time.DateOnly))
}

// Int writes a number.
func (w Writer) Int(n int) {
	var b [20]byte
	w.Write(strconv.AppendInt(b[:0], int64(n), 10))
}

// AttrName writes s as (the rest of) an attribute name, as html/template's name
// filter does for the names archfolio writes: lower-cased, and ZgotmplZ unless
// it is letters and digits only and names no attribute holding a URL, script or
// style. (html/template's list of such attributes is longer; the names written
// here are archfolio's own filter names.)
func (w Writer) AttrName(s string) {
	s = strings.ToLower(s)
	ok := s != "" && !strings.HasPrefix(s, "on") && !strings.Contains(s, "src") &&
		!strings.Contains(s, "uri") && !strings.Contains(s, "url") && !unsafeAttrNames[s]
	for _, r := range s {
		ok = ok && ('0' <= r && r <= '9' || 'a' <= r && r <= 'z')
	}
	if !ok {
		s = "ZgotmplZ"
	}
	w.WriteString(s)
}

// unsafeAttrNames are attributes whose values html/template treats as more
// than text.
var unsafeAttrNames = map[string]bool{
	"action": true, "archive": true, "background": true, "cite": true, "classid": true,
	"codebase": true, "content": true, "data": true, "formaction": true, "href": true,
	"icon": true, "longdesc": true, "manifest": true, "poster": true, "profile": true,
	"style": true, "usemap": true, "xmlns": true,
}

// URL writes s as the start of a quoted URL attribute value (href="…"): a URL
// with a scheme other than http, https or mailto becomes #ZgotmplZ, and the rest
// is normalised (bytes outside URLs percent-encoded) and attribute-escaped, as
// html/template does.
func (w Writer) URL(s string) {
	if i := strings.IndexByte(s, ':'); i >= 0 && !strings.ContainsRune(s[:i], '/') {
		switch strings.ToLower(s[:i]) {
		case "http", "https", "mailto":
		default:
			w.WriteString("#ZgotmplZ")
			return
		}
	}
	w.urlBytes(s, true)
}

// URLPart writes s inside a URL attribute after its start (a fragment or query
// value): every byte but the unreserved ones is percent-encoded.
func (w Writer) URLPart(s string) { w.urlBytes(s, false) }

// URLRest writes s as the rest of a URL attribute value after its start (a
// path after the root): normalised as URL writes it, with no scheme check.
func (w Writer) URLRest(s string) { w.urlBytes(s, true) }

// urlBytes is html/template's URL processor followed by its attribute escaper,
// which after percent-encoding only has & and + left to escape.
func (w Writer) urlBytes(s string, norm bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			continue
		case (c == '&' || c == '+') && norm:
			w.WriteString(s[last:i])
			if c == '&' {
				w.WriteString("&amp;")
			} else {
				w.WriteString("&#43;")
			}
			last = i + 1
			continue
		case norm && strings.IndexByte("!#$*+,/:;=?@[]", c) >= 0:
			continue
		case c == '%' && norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		w.WriteString(s[last:i])
		w.WriteByte('%')
		w.WriteByte("0123456789abcdef"[c>>4])
		w.WriteByte("0123456789abcdef"[c&15])
		last = i + 1
	}
	w.WriteString(s[last:])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// Link writes <a href="href">text</a>, href as the start of a URL.
func (w Writer) Link(href, text string) {
	w.Raw("<a href=\"")
	w.URL(href)
	w.Raw("\">")
	w.Text(text)
	w.Raw("</a>")
}

// LinkOrText writes a link as Link does, or text alone when href is "".
func (w Writer) LinkOrText(href, text string) {
	if href == "" {
		w.Text(text)
		return
	}
	w.Link(href, text)
}
