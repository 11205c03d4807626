package generator

import (
	"fmt"
	"strings"
	"testing"
)

// notesOf formats a renderer's notes as "line: code: message".
func notesOf(notes []mdNote) string {
	var lines []string
	for _, n := range notes {
		lines = append(lines, fmt.Sprintf("%d: %s: %s", n.line, n.diag.Code, n.diag.Message))
	}
	return strings.Join(lines, "\n")
}

// Raw HTML keeps ordinary markup and loses what can run script, load a
// page or reach outside the page, with a warning for each line.
func TestRawHTMLSanitized(t *testing.T) {
	tests := []struct{ name, in, want, notes string }{
		{"table", "<table><caption>Days</caption><tr><th scope=\"col\">A</th></tr><tr><td colspan=\"2\">1</td></tr></table>",
			`<table><caption>Days</caption><tbody><tr><th scope="col">A</th></tr><tr><td colspan="2">1</td></tr></tbody></table>`, ""},
		{"details", "<details open>\n<summary>More</summary>\n\nInside *it*.\n\n</details>",
			"<details open=\"\">\n<summary>More</summary>\n<p>Inside <em>it</em>.</p>\n</details>", ""},
		{"figure", `<figure><img src="https://example.org/a.png" alt="A chart"><figcaption>Scores</figcaption></figure>`,
			`<figure><img src="https://example.org/a.png" alt="A chart"/><figcaption>Scores</figcaption></figure>`, ""},
		{"relative image, abbr", `<abbr title="Professional learning">PL</abbr> <img src="img/a.png" alt="a"> <h4 id="x">H</h4>`,
			`<p><abbr title="Professional learning">PL</abbr> <img src="img/a.png" alt="a"/> </p><h4 id="x">H</h4><p></p>`, ""},
		{"script", "<script>alert(1)</script>\n\nafter", "<p>after</p>", "1: removed-html: raw HTML removed: <script>"},
		{"inline script", "a <script>alert(1)</script> b", "<p>a alert(1) b</p>", "1: removed-html: raw HTML removed: <script>"},
		{"handler", `<p onclick="x()">text</p>`, `<p>text</p>`, "1: removed-html: raw HTML removed: the onclick attribute of <p>"},
		{"image handler", "x\n<img src=\"a.png\" onerror=\"alert(1)\">", "<p>x\n<img src=\"a.png\"/></p>",
			"2: removed-html: raw HTML removed: the onerror attribute of <img>"},
		{"script URL", `<a href="javascript:alert(1)">link</a> <a href=" JaVa&#x53;cript:x">two</a> <a href="/ok">ok</a>`,
			`<p>link two <a href="/ok">ok</a></p>`, "1: removed-html: raw HTML removed: <a> with its href"},
		{"http image", `<img src="http://example.org/a.png" alt="a">`, `<img alt="a"/>`, "1: removed-html: raw HTML removed: the src attribute of <img>"},
		{"http image without alt", `x <img src="http://example.org/a.png">`, `<p>x </p>`, "1: removed-html: raw HTML removed: <img> with its src"},
		{"iframe", `<iframe src="javascript:alert(1)">inner</iframe>`, ``, "1: removed-html: raw HTML removed: <iframe>"},
		{"form", "<form action=\"/x\"><input name=\"a\"><button>Send</button></form>", "Send",
			"1: removed-html: raw HTML removed: <form>, <input>, <button>"},
		{"refresh", `<meta http-equiv="refresh" content="0;url=https://evil.example">`, ``, "1: removed-html: raw HTML removed: <meta>"},
		{"svg style", "<svg><style>*{x:y}</style><a xlink:href=\"javascript:x\">s</a></svg>", "<p>*{x:y}s</p>", "1: removed-html: raw HTML removed: <svg>, <style>, <a> with its xlink:href"},
		{"math", "<math><mi>x</mi><maction actiontype=\"statusline\">y</maction></math>", "<p>xy</p>",
			"1: removed-html: raw HTML removed: <math>, <mi>, <maction>"},
		{"style attribute", `<div style="position:fixed">d</div>`, `<div>d</div>`, "1: removed-html: raw HTML removed: the style attribute of <div>"},
	}
	m := newMarkdown(true)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, notes := m.convert(tt.in, 3)
			if got := strings.TrimSpace(string(h)); got != tt.want {
				t.Errorf("%q renders as\n%s\nwant\n%s", tt.in, got, tt.want)
			}
			if got := notesOf(notes); got != tt.notes {
				t.Errorf("%q: notes\n%s\nwant\n%s", tt.in, got, tt.notes)
			}
		})
	}
}

// Raw HTML that a browser would read past its end keeps the text that
// follows it, minified or not.
func TestRawHTMLKeepsText(t *testing.T) {
	tests := []struct{ name, in, want, notes string }{
		{"unterminated quote", "<div title=\"x\n\nThe text after.", "<p>The text after.</p>",
			"1: removed-html: raw HTML removed: an unterminated tag"},
		{"stray option", "A list: <b>one</b></option> and the words after.", "<p>A list: <b>one</b> and the words after.</p>",
			"1: removed-html: raw HTML removed: </option>"},
		{"stray optgroup", "one</optgroup> two", "<p>one two</p>", "1: removed-html: raw HTML removed: </optgroup>"},
		{"unclosed select", "<select><option>a\n\nThe text after.", "<p>a</p>\n<p>The text after.</p>",
			"1: removed-html: raw HTML removed: <select>, <option>"},
		{"unclosed div", "<div class=\"box\">\n\nInside.", "<div class=\"box\">\n<p>Inside.</p>\n</div>", ""},
		{"unclosed textarea", "<textarea>\n\nThe text after.", "The text after.", "1: removed-html: raw HTML removed: <textarea>"},
		{"unclosed comment", "a\n\n<!-- note\n\nb", "<p>a</p>", ""},
	}
	m := newMarkdown(true)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, notes := m.convert(tt.in, 3)
			if got := strings.TrimSpace(string(h)); got != tt.want {
				t.Errorf("%q renders as\n%s\nwant\n%s", tt.in, got, tt.want)
			}
			if got := notesOf(notes); got != tt.notes {
				t.Errorf("%q: notes\n%s\nwant\n%s", tt.in, got, tt.notes)
			}
			page := []byte("<!doctype html><html><body><main>" + string(h) + "</main><footer>Footer</footer></body></html>")
			min, unminified := minifyByName("x.html", page, true, true)
			if unminified || !strings.Contains(string(min), "Footer") {
				t.Errorf("minified page changed its text (unminified=%v):\n%s", unminified, min)
			}
		})
	}
}

// More than maxRemovedNotes lines with removed markup make one more
// warning that counts the rest.
func TestRawHTMLNotesCapped(t *testing.T) {
	src := strings.Repeat("<b onclick=\"x\">b</b>\n\n", maxRemovedNotes+3)
	_, notes := newMarkdown(true).convert(src, 3)
	if len(notes) != maxRemovedNotes+1 {
		t.Fatalf("%d notes, want %d", len(notes), maxRemovedNotes+1)
	}
	if got, want := notesOf(notes[maxRemovedNotes:]), "27: removed-html: raw HTML was changed in 3 more places in this text"; got != want {
		t.Errorf("last note %q, want %q", got, want)
	}
}
