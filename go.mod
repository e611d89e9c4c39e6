module github.com/langsplit/langsplit

go 1.24.0

require (
	github.com/google/renameio/v2 v2.0.0
	github.com/rogpeppe/go-internal v1.14.1
	github.com/spf13/pflag v1.1.0
	golang.org/x/net v0.50.0
	golang.org/x/sync v0.19.0
	golang.org/x/term v0.40.0
	golang.org/x/text v0.34.0
)

require (
	golang.org/x/sys v0.41.0 // indirect
	golang.org/x/tools v0.42.0 // indirect
)
