package generator_test

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"archfolio/generator/sitetest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// paper is a sheet the audit pack must print on: its size in inches and the
// width inside audit-print.css's margins (14 mm each side) in CSS pixels.
type paper struct {
	name          string
	width, height float64
}

func (p paper) printableWidth() float64 { return (p.width*25.4 - 28) * 96 / 25.4 }

// TestAuditPackPrints prints a standard's audit pack, long enough for several
// sheets and with an unbreakable evidence URL, on A4 and on Letter: every
// table fits the printable width in print media, the header rows repeat
// (thead is a table-header-group and the PDF has more than one page).
func TestAuditPackPrints(t *testing.T) {
	t.Parallel()
	files := sitetest.Archive("testdata/audit/site.txtar")
	long := "https://evidence.example.com/" + strings.Repeat("x", 300)
	for i := range 40 {
		files[fmt.Sprintf("content/blueprints/extra-%02d.md", i)] = fmt.Sprintf("---\nkind: blueprint\ntitle: Extra blueprint %d\ndomain: extra\ncriticality: high\n"+
			"compliance:\n  - {standard: auth, status: exception, evidence: [%q], waiver: {approved_by: CISO, expires: 2027-03-01, justification: %q}}\n---\n",
			i, long, strings.Repeat("A compensating control is in place. ", 6))
	}
	out, _ := sitetest.Render(t, files, "2026-11-27")
	dir := writeSite(t, out)
	url := "file://" + filepath.ToSlash(filepath.Join(dir, "print", "standards", "auth", "index.html"))
	for _, pp := range []paper{{"A4", 8.27, 11.69}, {"Letter", 8.5, 11}} {
		t.Run(pp.name, func(t *testing.T) {
			t.Parallel()
			width := int(pp.printableWidth())
			ctx := newBrowserTab(t, width, 1000)
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: int64(width), Height: 1000, DeviceScaleFactor: 1}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
				t.Fatal(err)
			}
			overflow, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("table")].filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 || t.scrollWidth > t.clientWidth + 1).map(t => (t.querySelector("th") || t).textContent + ": " + t.getBoundingClientRect().width)`))
			if err != nil {
				t.Fatal(err)
			}
			thead, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...new Set([...document.querySelectorAll("thead")].map(h => getComputedStyle(h).display))].join(",")`))
			if err != nil {
				t.Fatal(err)
			}
			res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: pp.width, PaperHeight: pp.height})
			if err != nil {
				t.Fatal(err)
			}
			pdf := res.Data
			if len(overflow) > 0 {
				t.Errorf("tables wider than the printable %d px: %v", width, overflow)
			}
			if thead != "table-header-group" {
				t.Errorf("thead display in print = %q, want table-header-group", thead)
			}
			if !bytes.HasPrefix(pdf, []byte("%PDF")) {
				t.Fatalf("PrintToPDF gave no PDF: %.20q", pdf)
			}
			pages := len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(pdf, -1))
			if pages < 2 {
				t.Errorf("the pack printed on %d page(s), want several, so that its header rows repeat", pages)
			}
			// The page numbers are in a margin box, which the page's DOM does not
			// show: printed again without them, each page has fewer runs of text.
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.head.insertAdjacentHTML("beforeend", "<style media=print>@page { @bottom-right { content: none } }</style>"), true`)); err != nil {
				t.Fatal(err)
			}
			plain, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: pp.width, PaperHeight: pp.height})
			if err != nil {
				t.Fatal(err)
			}
			if with, without := pdfTextRuns(t, pdf), pdfTextRuns(t, plain.Data); with < without+pages {
				t.Errorf("%d runs of text with page numbers, %d without, over %d pages: no number on each page", with, without, pages)
			}
		})
	}
}

// pdfTextRuns counts the text objects (BT … ET) in a PDF's compressed content
// streams.
func pdfTextRuns(t *testing.T, pdf []byte) int {
	t.Helper()
	n := 0
	for _, m := range regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`).FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not a Flate stream: an image or a font
		}
		b, err := io.ReadAll(r)
		if err != nil {
			continue
		}
		n += len(regexp.MustCompile(`\bBT\b`).FindAll(b, -1))
	}
	return n
}
