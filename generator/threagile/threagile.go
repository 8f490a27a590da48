// Package threagile is `archfolio import threagile MODEL.yaml [RISKS.json]`: it
// turns a Threagile model (threagile.yaml) and, optionally, the risks Threagile
// found in it (its risks.json output) into one threat-model document of a
// site, over package generator's public API.
//
// The model's data assets, technical assets (with their communication links),
// and trust boundaries (with the assets inside and the boundaries nested) become
// the document's data_assets, assets, data_flows and trust_boundaries, keyed by
// Threagile's ids; a link's id is Threagile's (SOURCE>link-title), so the risks
// that name it find it. A flow is encrypted when its protocol is (https, wss,
// ssh, sftp, …-encrypted) or it runs through a VPN. Each risk becomes a threat:
// its synthetic id, its title without HTML, its most relevant communication
// link or else technical asset as target, its exploitation likelihood
// (unlikely 1 … frequent 4) and impact (low 1 … very-high 4) as likelihood and
// impact, so that the severity archfolio computes is the one Threagile gave
// (Threagile multiplies the same weights with the same thresholds; a risk whose
// severity disagrees is reported), and its status (risks.json's risk_status, or
// the model's risk_tracking entry that matches, wildcards and all) mapped to a
// threat status.
//
// The document is written at content/threat-models/ID.md (or --into DIR), ID
// "tm-" and the model title's slug; its subject is --subject, or the blueprint named like
// the model (by id or title).
// Like the other imports it never overwrites: the same bytes are unchanged, so
// a second run changes nothing, and a file with other bytes is skipped. What it
// wrote is then checked as `archfolio check` would (generator.ErrorsIn).
package threagile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"archfolio/generator"
	"archfolio/generator/diag"
)

// maxInputSize is the largest model or risks file read.
const maxInputSize = 32 << 20

// Options are the choices of an import.
type Options struct {
	// Subject is the id of the blueprint the model models (default: the
	// blueprint whose id or title is the model's title).
	Subject string
	// Into is the folder, relative to the site root, the document is written
	// in (default: content/ and the threat-model kind's section).
	Into string
}

// Action is what an import did with the document.
type Action string

// The actions, as the report prints them.
const (
	Wrote     Action = "wrote"     // a new threat model
	Unchanged Action = "unchanged" // the file exists with the bytes the import would write
	Skipped   Action = "skipped"   // not written: Reason says why
)

// Result says what an import did.
type Result struct {
	Model, Risks string // the inputs, as given
	Path         string // the document, relative to the site root
	Action       Action
	Reason       string   // why it was skipped
	Notes        []string // what was mapped or left out
	// Counts of what the document holds.
	DataAssets, Assets, Boundaries, Flows, Threats int
	// Problems are the errors check reports for the written document.
	Problems diag.Diagnostics
}

// Import reads the model (and risks, when not "") and writes the threat model
// into the site at siteDir. The error is a *ParseError for an input that cannot
// be read, or what stops the import (a file that cannot be written).
func Import(ctx context.Context, siteDir, modelFile, risksFile string, opt Options) (*Result, error) {
	data, err := readLimited(modelFile)
	if err != nil {
		return nil, err
	}
	m, err := readModel(filepath.ToSlash(modelFile), data)
	if err != nil {
		return nil, err
	}
	var risks []finding
	if risksFile != "" {
		if data, err = readLimited(risksFile); err != nil {
			return nil, err
		}
		if risks, err = readRisks(filepath.ToSlash(risksFile), data); err != nil {
			return nil, err
		}
	}
	site, err := generator.OpenSite(siteDir)
	if err != nil {
		return nil, err
	}
	p, _, err := generator.Load(ctx, generator.Options{Site: site, CheckOnly: true})
	if err != nil {
		return nil, err
	}
	kind := p.Schema.Kinds["threat-model"]
	if kind == nil {
		return nil, errors.New("the site's schema has no threat-model kind")
	}
	id := "tm-" + generator.Slug(m.Title) // the blueprint it models may well have the title's slug
	res := &Result{Model: filepath.ToSlash(modelFile), Risks: filepath.ToSlash(risksFile),
		Path: path.Join(generator.ContentDir, kind.Section, id+".md")}
	if opt.Into != "" {
		res.Path = path.Join(filepath.ToSlash(filepath.Clean(opt.Into)), id+".md")
		if !strings.HasPrefix(res.Path, generator.ContentDir+"/") {
			return nil, fmt.Errorf("--into %s: want a folder of the site's %s/, relative to the site's root", opt.Into, generator.ContentDir)
		}
	}
	subject := opt.Subject
	if subject == "" {
		bp := blueprintNamed(p, strings.TrimPrefix(id, "tm-"))
		if bp == nil {
			return nil, fmt.Errorf("no blueprint has the id or title of the model, %q: name the blueprint it models with --subject", m.Title)
		}
		subject = bp.ID
		res.Notes = append(res.Notes, fmt.Sprintf("subject: %s, the blueprint named like the model (--subject names another)", subject))
	}
	doc, err := convert(m, risks, subject, p, res)
	if err != nil {
		return nil, err
	}
	if d := p.ByID[id]; d != nil && d.Path != res.Path {
		res.Action, res.Reason = Skipped, fmt.Sprintf("id %q is already used by %s", id, d.Path)
		return res, nil
	}
	root, err := os.OpenRoot(siteDir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	wrote, why, err := generator.WriteNew(root, res.Path, doc)
	switch {
	case err != nil:
		return res, err
	case why != "":
		res.Action, res.Reason = Skipped, why
	case !wrote:
		res.Action = Unchanged
	default:
		res.Action = Wrote
		errs, err := generator.ErrorsIn(ctx, site, []string{res.Path})
		res.Problems = errs[res.Path]
		return res, err
	}
	return res, nil
}

// blueprintNamed is the blueprint whose id, or the slug of whose title, is id.
func blueprintNamed(p *generator.Portfolio, id string) *generator.Document {
	for _, bp := range p.ByKind["blueprint"] {
		if bp.ID == id || generator.Slug(bp.Title) == id {
			return bp
		}
	}
	return nil
}

// readLimited reads an input file, refusing folders and anything too big.
func readLimited(name string) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a file", name)
	}
	if st.Size() > maxInputSize {
		return nil, fmt.Errorf("%s: %d bytes is more than the import reads (%d)", name, st.Size(), maxInputSize)
	}
	return os.ReadFile(name)
}
