package synth

import "regexp"

// wikiLinkRE matches [[id]] and [[id|text]].
var wikiLinkRE = regexp.MustCompile(`\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]`)

// Hugo returns the same documents as a Hugo site: config.toml (chroma with CSS
// classes, like archfolio), minimal layouts that render .Content, and every
// document with the same front matter and body, wikilinks turned into relative
// markdown links (Hugo has no wikilinks).
func (s *Site) Hugo() []File {
	files := []File{
		{Path: "config.toml", Data: []byte(hugoConfig)},
		{Path: "layouts/_default/single.html", Data: []byte(hugoSingle)},
		{Path: "layouts/_default/list.html", Data: []byte(hugoList)},
	}
	for _, f := range s.Files {
		if f.Path == "archfolio.yaml" {
			continue
		}
		from := f.Path
		data := wikiLinkRE.ReplaceAllFunc(f.Data, func(m []byte) []byte {
			sub := wikiLinkRE.FindSubmatch(m)
			t := s.byID[string(sub[1])]
			if t == nil {
				return m
			}
			text := t.title
			if len(sub[2]) > 0 {
				text = string(sub[2])
			}
			return []byte("[" + text + "](" + relPath(from, t.path) + ")")
		})
		files = append(files, File{Path: f.Path, Data: data})
	}
	return files
}

const hugoConfig = `baseURL = "https://example.invalid/"
title = "Synthetic Mutual — Architecture Portfolio"
languageCode = "en"

[markup]
  [markup.highlight]
    codeFences = true
    noClasses = false
    guessSyntax = false
  [markup.goldmark.renderer]
    unsafe = false
`

const hugoSingle = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body>
</html>
`

const hugoList = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body>
</html>
`
