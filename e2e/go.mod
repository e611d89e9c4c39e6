module github.com/langsplit/langsplit/e2e

go 1.25

require (
	github.com/chromedp/chromedp v0.23.0
	github.com/langsplit/langsplit v0.0.0-00010101000000-000000000000
)

require (
	github.com/chromedp/cdproto v0.159.0 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	golang.org/x/net v0.50.0 // indirect
	golang.org/x/text v0.34.0 // indirect
)

replace github.com/langsplit/langsplit => ../
