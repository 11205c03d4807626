package content

import "testing"

func TestReadLooseDate(t *testing.T) {
	tests := []struct {
		in, want, reading string
	}{
		{"08/01/2026", "2026-08-01", "read as August 1, 2026, month first as in the US; for 8 January 2026 write 2026-01-08"},
		{"8/1/2026", "2026-08-01", "read as August 1, 2026, month first as in the US; for 8 January 2026 write 2026-01-08"},
		{"25/08/2026", "2026-08-25", ""},
		{"08/25/2026", "2026-08-25", ""},
		{"3/3/2026", "2026-03-03", ""},
		{"2026-8-1", "2026-08-01", ""},
		{"2026/08/01", "2026-08-01", ""},
		{"June 12, 2026", "2026-06-12", ""},
		{"Aug 1, 2026", "2026-08-01", ""},
		{"Sept. 3rd 2026", "2026-09-03", ""},
		{"12 June 2026", "2026-06-12", ""},
		{"2026-02-30", "", ""},
		{"13/13/2026", "", ""},
		{"Ju 12, 2026", "", ""},
		{"Fall 2026", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := readLooseDate(tt.in)
			if tt.want == "" {
				if ok {
					t.Fatalf("read as %s, want no date", d.Date)
				}
				return
			}
			if !ok || d.Date.String() != tt.want || d.Reading != tt.reading {
				t.Fatalf("got %s %v %q, want %s %q", d.Date, ok, d.Reading, tt.want, tt.reading)
			}
		})
	}
}
