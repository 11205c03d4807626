package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/trellis-pl/trellis/content"
)

func runSchema(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("schema", "schema [-o DIR]", stderr)
	out := fs.String("o", "schema", "the folder to write the schemas to")
	positional, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(positional) > 0 {
		fs.Usage()
		return errUsage
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for _, k := range content.Kinds {
		data, err := content.JSONSchema(k.Name)
		if err != nil {
			return err
		}
		path := filepath.Join(*out, k.Name+".schema.json")
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%s)\n", path, k.Where)
	}
	return nil
}
