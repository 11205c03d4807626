// Package content reads a plan folder (or a portal of plans) into a checked
// content.Plan: it decodes the TOML front matter of each file into the
// model (model.go), loads the standards set the plan names (built in or the
// plan's own), validates references and values, and runs the plan-quality
// checks that cite the standards. Everything a plan author can get wrong is
// reported as a Diagnostic with a position, a code from codes.go and a hint;
// nothing panics on bad input.
//
// content knows plans and standards, not pages: it must not import the
// generator, HTML templates or anything about flags and output folders.
// Data flows one way, from files to content.Plan to the generator.
package content
