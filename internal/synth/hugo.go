package synth

import (
	"path/filepath"
)

// writeHugoSkeleton writes the configuration and a minimal theme of a Hugo
// site: one page per content file and the section list pages, with the
// page's Markdown rendered and its front matter's title.
func writeHugoSkeleton(root string) error {
	files := map[string]string{
		"hugo.toml": `baseURL = "https://portal.example/"
title = "Synthetic Professional Learning Plans"
languageCode = "en"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = false
`,
		"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
`,
		"layouts/_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
`,
		"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
		"content/_index.md": "+++\ntitle = \"Districts\"\n+++\n",
	}
	for name, text := range files {
		if err := writeFile(filepath.Join(root, filepath.FromSlash(name)), text); err != nil {
			return err
		}
	}
	return nil
}
