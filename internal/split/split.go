// Package split holds what splitting a document is configured by: the
// options (segmentation, the languages to keep, raw output, the
// normalization policy), the per-language Normalizer of blocks, and the
// parsing of one JSON Lines document. The per-input pipeline (internal/pipe)
// that the CLI, the Beam pipeline and the HTML report share uses them, so
// they give the same records for the same input.
package split

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/langsplit/langsplit/segment"
)

// Options says how documents are split.
type Options struct {
	Segment segment.Options
	Langs   map[string]bool // languages to keep; nil keeps all
	Raw     bool            // blocks as in the input, not normalized
	Policy  Policy          // normalization policy, unless Raw
}

// ParseDoc parses one JSON Lines document: an object with an "id" (a string
// or a number) and a "text" string.
func ParseDoc(b []byte) (id, text string, err error) {
	var doc struct {
		ID   json.RawMessage `json:"id"`
		Text *string         `json:"text"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return "", "", fmt.Errorf("not a JSON object: %v", err)
	}
	switch {
	case len(doc.ID) == 0 || string(doc.ID) == "null":
		return "", "", errors.New(`no "id"`)
	case doc.ID[0] == '"':
		if err := json.Unmarshal(doc.ID, &id); err != nil {
			return "", "", err
		}
	case doc.ID[0] == '-' || doc.ID[0] >= '0' && doc.ID[0] <= '9':
		id = string(doc.ID)
	default:
		return "", "", errors.New(`"id" is neither a string nor a number`)
	}
	if doc.Text == nil {
		return "", "", errors.New(`no "text" string`)
	}
	return id, *doc.Text, nil
}
