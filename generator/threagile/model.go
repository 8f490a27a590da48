package threagile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"archfolio/generator/frontmatter"

	"gopkg.in/yaml.v3"
)

// model is the part of a Threagile model (threagile.yaml) the import reads.
// Threagile keys its lists by title: a mapping of title to element.
type model struct {
	Title           string                    `yaml:"title"`
	DataAssets      map[string]dataAsset      `yaml:"data_assets"`
	TechnicalAssets map[string]technicalAsset `yaml:"technical_assets"`
	TrustBoundaries map[string]trustBoundary  `yaml:"trust_boundaries"`
	RiskTracking    map[string]tracking       `yaml:"risk_tracking"`
}

type dataAsset struct {
	ID              string `yaml:"id"`
	Description     string `yaml:"description"`
	Confidentiality string `yaml:"confidentiality"`
	Integrity       string `yaml:"integrity"`
	Availability    string `yaml:"availability"`
}

type technicalAsset struct {
	ID         string                       `yaml:"id"`
	Type       string                       `yaml:"type"`
	Technology string                       `yaml:"technology"`
	Internet   bool                         `yaml:"internet"`
	OutOfScope bool                         `yaml:"out_of_scope"`
	Processed  []string                     `yaml:"data_assets_processed"`
	Stored     []string                     `yaml:"data_assets_stored"`
	Links      map[string]communicationLink `yaml:"communication_links"`
}

type communicationLink struct {
	Target         string   `yaml:"target"`
	Protocol       string   `yaml:"protocol"`
	Authentication string   `yaml:"authentication"`
	Authorization  string   `yaml:"authorization"`
	VPN            bool     `yaml:"vpn"`
	Sent           []string `yaml:"data_assets_sent"`
	Received       []string `yaml:"data_assets_received"`
}

type trustBoundary struct {
	ID     string   `yaml:"id"`
	Type   string   `yaml:"type"`
	Inside []string `yaml:"technical_assets_inside"`
	Nested []string `yaml:"trust_boundaries_nested"`
}

type tracking struct {
	Status        string `yaml:"status"`
	Justification string `yaml:"justification"`
}

// finding is one risk of Threagile's risks.json.
type finding struct {
	Category       string `json:"category"`
	Status         string `json:"risk_status"`
	Severity       string `json:"severity"`
	Likelihood     string `json:"exploitation_likelihood"`
	Impact         string `json:"exploitation_impact"`
	Title          string `json:"title"`
	SyntheticID    string `json:"synthetic_id"`
	TechnicalAsset string `json:"most_relevant_technical_asset"`
	Link           string `json:"most_relevant_communication_link"`
	DataAsset      string `json:"most_relevant_data_asset"`
	TrustBoundary  string `json:"most_relevant_trust_boundary"`
}

// ParseError is a model or risks file that cannot be read: where and why.
type ParseError struct {
	File      string
	Line, Col int // from 1; 0 when unknown
	Msg       string
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, max(e.Col, 1), e.Msg)
}

// typeErrorLine is the line yaml.v3 names in each of its type errors.
var typeErrorLine = regexp.MustCompile(`^line (\d+): (.*)$`)

// readModel decodes a Threagile model; an error is a *ParseError.
func readModel(file string, data []byte) (*model, error) {
	var m model
	err := yaml.Unmarshal(data, &m)
	var te *yaml.TypeError
	switch {
	case err == nil && m.Title == "":
		return nil, &ParseError{File: file, Line: 1, Msg: "no title: is this a Threagile model (threagile.yaml)?"}
	case err == nil:
		return &m, nil
	case errors.As(err, &te) && len(te.Errors) > 0:
		pe := &ParseError{File: file, Msg: te.Errors[0]}
		if m := typeErrorLine.FindStringSubmatch(te.Errors[0]); m != nil {
			pe.Line, _ = strconv.Atoi(m[1])
			pe.Msg = m[2]
		}
		if n := len(te.Errors) - 1; n > 0 {
			pe.Msg += " (and " + strconv.Itoa(n) + " more)"
		}
		return nil, pe
	}
	p := frontmatter.SyntaxError(err)[0] // the one reading of yaml.v3's syntax errors
	return nil, &ParseError{File: file, Line: p.Line, Msg: p.Msg}
}

// readRisks decodes Threagile's risks.json; an error is a *ParseError at the
// line and column of the offending byte.
func readRisks(file string, data []byte) ([]finding, error) {
	var risks []finding
	err := json.Unmarshal(data, &risks)
	if err == nil {
		return risks, nil
	}
	pe := &ParseError{File: file, Msg: err.Error()}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		pe.Line, pe.Col = lineCol(data, se.Offset)
	case errors.As(err, &te):
		pe.Line, pe.Col = lineCol(data, te.Offset)
		pe.Msg = fmt.Sprintf("%s is a JSON %s, want a %s", cmpField(te.Field), te.Value, te.Type)
	}
	return nil, pe
}

func cmpField(f string) string {
	if f == "" {
		return "the file"
	}
	return f
}

// lineCol turns a byte offset into a line and a column, from 1.
func lineCol(data []byte, offset int64) (int, int) {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:])))
	return line, max(col, 1)
}
