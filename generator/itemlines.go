package generator

import "bytes"

// blockItemLines returns the file line of each item of the top-level front-matter
// list key when it is written in block style ("key:" at the start of a line, then
// one "- " line per item, all at one indentation), and false otherwise (a flow
// list, no such key, odd layout). It is a line scan, far cheaper than the yaml.v3
// node tree that positions.go builds, for the alignment records' source lines
// that every blueprint and standard page shows; callers check the number of items
// against the decoded list and fall back to the node tree when they differ.
func blockItemLines(src []byte, fmEnd int, key string) ([]int, bool) {
	var lines []int
	head := []byte(key + ":")
	in := false
	indent := -1
	line := 1
	for off := 0; off < len(src) && line < fmEnd; line++ {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		text := bytes.TrimRight(src[off:off+end], " \t\r")
		off += end + 1
		if line == 1 {
			continue // the opening ---
		}
		if !in {
			if bytes.HasPrefix(text, head) {
				if rest := bytes.TrimSpace(text[len(head):]); len(rest) > 0 && rest[0] != '#' {
					return nil, false // a value on the key's line: flow style or a scalar
				}
				in = true
			}
			continue
		}
		trimmed := bytes.TrimLeft(text, " ")
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		n := len(text) - len(trimmed)
		item := bytes.HasPrefix(trimmed, []byte("- ")) || bytes.Equal(trimmed, []byte("-"))
		if indent < 0 {
			if !item {
				break // the key has no block list
			}
			indent = n
		}
		if item && n == indent {
			lines = append(lines, line)
			continue
		}
		if n <= indent {
			break // the next key: the list has ended
		}
		if bytes.ContainsRune(text[:n+1], '\t') {
			return nil, false
		}
	}
	return lines, in && len(lines) > 0
}
