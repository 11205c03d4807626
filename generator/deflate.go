package generator

import (
	"bytes"
	"compress/flate"
	"io"
)

// Serve keeps a portal's sites in memory deflated, each page against a
// dictionary: the first page of its district's site written (the home
// page), which holds the frame, navigation and footer that every page of
// the district repeats. A page shrinks to about a seventh, against a
// fourth without the dictionary, and is inflated again in tens of
// microseconds when it is asked for.

// deflateLevel is the compression level: 4 makes nearly the smallest
// files with a dictionary (level 1 does not use one) in a few
// milliseconds per district.
const deflateLevel = 4

// deflater compresses the pages of one site: it keeps its compressor
// from one page to the next (each is over half a megabyte to make), and
// makes a new one only when the dictionary changes.
type deflater struct {
	w    *flate.Writer
	dict []byte // the one w compresses against
	buf  bytes.Buffer
}

// deflate returns data compressed against dict.
func (d *deflater) deflate(data, dict []byte) []byte {
	d.buf.Reset()
	if d.w == nil || !sameBytes(d.dict, dict) {
		d.w, _ = flate.NewWriterDict(&d.buf, deflateLevel, dict) // the level is valid
		d.dict = dict
	} else {
		d.w.Reset(&d.buf) // with the same dictionary
	}
	_, _ = d.w.Write(data) // writing to a bytes.Buffer does not fail
	_ = d.w.Close()
	return bytes.Clone(d.buf.Bytes())
}

// sameBytes reports whether a and b are the same slice of memory.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// inflate returns what a deflater compressed against dict.
func inflate(data, dict []byte) ([]byte, error) {
	r := flate.NewReaderDict(bytes.NewReader(data), dict)
	defer r.Close()
	return io.ReadAll(r)
}
