package content

import (
	"os"
	"strings"
	"testing"
)

// TestDocsStandardsExample parses the sample standards file shown in
// docs/standards.md, so the documentation cannot drift from what Trellis
// accepts.
func TestDocsStandardsExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/standards.md")
	if err != nil {
		t.Fatal(err)
	}
	var sample string
	for _, block := range strings.Split(string(doc), "```toml\n")[1:] {
		block, _, _ = strings.Cut(block, "```")
		if strings.HasPrefix(block, "id = ") {
			sample = block
		}
	}
	if sample == "" {
		t.Fatal("no sample standards file in docs/standards.md")
	}
	set, diags := ParseStandards("docs/standards.md", []byte(sample))
	for _, d := range diags {
		t.Errorf("%s", d.String())
	}
	if set.ID != "state-2024" || len(set.Standards) != 1 || len(set.Items) != 1 || set.CheckFor(CodeOneShot) == nil {
		t.Errorf("sample parsed as %+v", set)
	}
}
