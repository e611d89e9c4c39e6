// Package segment splits UTF-8 text into contiguous language blocks with
// exact byte offsets: English (Latin script), Persian, Arabic, other scripts
// ("und-Xxxx") and text without letters ("und").
//
// The blocks are lossless: concatenating text[b.Start:b.End] over the blocks
// gives back the text byte for byte, for every input, invalid UTF-8 included.
package segment
