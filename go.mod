module github.com/trellis-pl/trellis

go 1.26.0

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/tdewolff/minify/v2 v2.24.25
	github.com/yuin/goldmark v1.8.7
	golang.org/x/net v0.62.0
	golang.org/x/tools v0.52.0
)

require github.com/tdewolff/parse/v2 v2.8.20 // indirect
