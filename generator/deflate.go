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

// deflate returns data compressed against dict.
func deflate(data, dict []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/6 + 64)
	w, _ := flate.NewWriterDict(&b, deflateLevel, dict) // the level is valid
	_, _ = w.Write(data)                                // writing to a bytes.Buffer does not fail
	_ = w.Close()
	return bytes.Clone(b.Bytes()) // without the spare capacity
}

// inflate returns what deflate compressed against dict.
func inflate(data, dict []byte) ([]byte, error) {
	r := flate.NewReaderDict(bytes.NewReader(data), dict)
	defer r.Close()
	return io.ReadAll(r)
}
