package generator

import (
	"fmt"
	"strings"
	"testing"
)

// blockItemLines must give the lines the yaml.v3 node tree gives, or say it cannot.
func TestBlockItemLinesMatchTheNodeTree(t *testing.T) {
	t.Parallel()
	for name, fm := range map[string]string{
		"indented":                "id: x\ncompliance:\n  - {standard: a, status: implemented}\n  - standard: b\n    status: planned\n    planned: 2027-Q1\n  # a comment\n\n  - {standard: c,\n     status: partial}\ntags: [a]\n",
		"flush":                   "compliance:\n- standard: a\n  evidence:\n  - x\n  - y\n- standard: b\nowner: z\n",
		"nested":                  "compliance:\n  - standard: a\n    evidence:\n      - one\n      - two\n  - standard: b\n",
		"last key":                "title: T\ncompliance:\n    - {standard: a}\n    - {standard: b}\n",
		"flush then another list": "compliance:\n- standard: a\n- standard: b\ntags:\n- x\n- y\n",
		"text item":               "compliance:\n  - standard: a\n    justification: |\n      - not an item\n      - nor this\n  - standard: b\n",
	} {
		src := "---\n" + fm + "---\nbody\n"
		fmEnd := strings.Count("---\n"+fm, "\n") + 1
		got, ok := blockItemLines([]byte(src), fmEnd, "compliance")
		if !ok {
			t.Errorf("%s: not recognised", name)
			continue
		}
		idx := indexFrontMatter([]byte(src), fmEnd)
		var want []int
		for i := 0; ; i++ {
			p, ok := idx.pos[fmt.Sprintf("compliance[%d]", i)]
			if !ok {
				break
			}
			want = append(want, p.Line)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: lines %v, the node tree says %v", name, got, want)
		}
	}
	for name, fm := range map[string]string{
		"flow":    "compliance: [{standard: a}, {standard: b}]\n",
		"missing": "title: T\n",
		"empty":   "compliance:\ntitle: T\n",
	} {
		src := "---\n" + fm + "---\n"
		if lines, ok := blockItemLines([]byte(src), strings.Count("---\n"+fm, "\n")+1, "compliance"); ok {
			t.Errorf("%s: recognised as a block list with lines %v", name, lines)
		}
	}
}
