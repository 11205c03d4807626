package content

import (
	"reflect"
	"testing"
)

// TestDescribeType names each kind of model value as the messages do,
// from the field description's kinds.
func TestDescribeType(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{"", "text in quotes"},
		{Ref{}, "an id in quotes"},
		{Date{}, "a date (YYYY-MM-DD)"},
		{&Date{}, "a date (YYYY-MM-DD)"},
		{0, "a whole number"},
		{0.5, "a number"},
		{true, "true or false"},
		{[]string{}, "a list of texts in quotes"},
		{[]Ref{}, "a list of ids in quotes"},
		{[]int{}, "a list of whole numbers"},
		{[]Rating{}, "a list of tables"},
		{Duration{}, "a table"},
	}
	for _, tt := range tests {
		if got := describeType(reflect.TypeOf(tt.v)); got != tt.want {
			t.Errorf("describeType(%T) = %q, want %q", tt.v, got, tt.want)
		}
	}
}
