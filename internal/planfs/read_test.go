package planfs

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// readAll reads everything, whatever size the file was said to have: the
// same, smaller (it grew since), larger (it shrank), in short reads.
func TestReadAll(t *testing.T) {
	text := strings.Repeat("a plan file ", 700) // 8,400 bytes
	for _, size := range []int64{int64(len(text)), 0, 10, 8399, 8401, 1 << 20} {
		for name, r := range map[string]io.Reader{
			"whole":    strings.NewReader(text),
			"one byte": iotest.OneByteReader(strings.NewReader(text)),
			"half":     iotest.HalfReader(strings.NewReader(text)),
		} {
			got, err := readAll(r, size)
			if err != nil || !bytes.Equal(got, []byte(text)) {
				t.Errorf("size %d, %s reads: %d bytes, %v", size, name, len(got), err)
			}
		}
	}
	if _, err := readAll(iotest.ErrReader(io.ErrUnexpectedEOF), 10); err != io.ErrUnexpectedEOF {
		t.Errorf("a failing read: got %v", err)
	}
}
