package render

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"archfolio/generator/markup"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"text/template/parse"
	"unicode/utf8"
)

// panelTemplates are the panels rendered by a template of the theme
// (templatePanel) and layoutBlocks the templates of a layout the base
// component runs: called by name from Go, so a theme may define them.
var (
	panelTemplates = []string{"roadmap-item-panel"}
	layoutBlocks   = []string{"head", "content", "scripts"}
)

func init() {
	generator.RegisterSiteCheck(func(opts generator.Options, p *generator.Portfolio) diag.Diagnostics {
		return themeDiagnostics(opts.Site, p.Config, opts.Theme)
	})
}

// themeDiagnostics warns about each template the site's theme defines that
// nothing calls: no component has its name, no view's panel is rendered with
// it and no template of the merged theme includes it. Such a define is most
// often a misspelt override, which would otherwise change nothing silently.
// Templates that do not parse are left to the render, which reports them.
func themeDiagnostics(site fs.FS, cfg *generator.Config, def fs.FS) diag.Diagnostics {
	if cfg == nil || cfg.Theme == "" {
		return nil
	}
	dir := path.Join("themes", cfg.Theme)
	top := generator.SubFS(site, dir)
	if top == nil {
		return nil
	}
	o := overlayFS{top: top, base: def}
	if def == nil {
		o = overlayFS{base: top}
	}
	used := map[string]bool{}
	for _, c := range markup.Components() {
		used[c.Name] = true
	}
	for _, name := range append(panelTemplates, layoutBlocks...) {
		used[name] = true
	}
	type define struct {
		file, name string
		src        []byte
	}
	var defines []define
	var diags diag.Diagnostics
	for _, p := range o.files("layouts") {
		src, err := fs.ReadFile(o, p)
		if err != nil {
			continue
		}
		trees, err := parseTemplateTrees(path.Base(p), string(src))
		if err != nil {
			continue
		}
		_, ownErr := fs.Stat(top, p)
		if ownErr == nil && path.Base(p) == "base.html" {
			if tree := trees["base.html"]; tree != nil && strings.TrimSpace(tree.Root.String()) != "" {
				diags = append(diags, diag.NewDiagnostic(diag.CodeUnusedBaseLayout, path.Join(dir, p), diag.Pos{Line: 1, Col: 1},
					`layouts/base.html is not used: the page around the content is the "base" component; define a template "base" to replace it`))
			}
		}
		for name, tree := range trees {
			calledTemplates(tree.Root, used)
			if ownErr == nil && name != path.Base(p) {
				defines = append(defines, define{p, name, src})
			}
		}
	}
	var known []string
	for name := range used {
		known = append(known, name)
	}
	for _, d := range defines {
		if used[d.name] {
			continue
		}
		line, col := definePosition(d.src, d.name)
		diags = append(diags, diag.NewDiagnostic(diag.CodeUnusedOverride, path.Join(dir, d.file), diag.Pos{Line: line, Col: col},
			fmt.Sprintf("theme template %q is not used: it is no component's or panel's name and no template calls it%s",
				d.name, diag.DidYouMean(d.name, known))))
	}
	return diags
}

// parseTemplateTrees parses a theme file into its templates (the file's own and
// each define), without checking that its functions exist.
func parseTemplateTrees(name, src string) (map[string]*parse.Tree, error) {
	t := parse.New(name)
	t.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	_, err := t.Parse(src, "{{", "}}", trees)
	return trees, err
}

// calledTemplates adds to called the name of every template n includes.
func calledTemplates(n parse.Node, called map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			calledTemplates(c, called)
		}
	case *parse.TemplateNode:
		called[n.Name] = true
	case *parse.IfNode:
		calledTemplates(n.List, called)
		calledTemplates(n.ElseList, called)
	case *parse.RangeNode:
		calledTemplates(n.List, called)
		calledTemplates(n.ElseList, called)
	case *parse.WithNode:
		calledTemplates(n.List, called)
		calledTemplates(n.ElseList, called)
	}
}

// definePosition returns the line and column (in characters) of the define of
// name in src, or 1, 1.
func definePosition(src []byte, name string) (line, col int) {
	re := regexp.MustCompile(`\{\{-?\s*(define|block)\s+"` + regexp.QuoteMeta(name) + `"`)
	loc := re.FindIndex(src)
	if loc == nil {
		return 1, 1
	}
	before := string(src[:loc[0]])
	line = strings.Count(before, "\n") + 1
	return line, utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
}
