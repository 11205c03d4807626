package content

import (
	"strings"
)

// closest returns the candidate nearest to word, or "" when none is near
// enough to be a likely typo. Case and the difference between -, _ and
// space are ignored.
func closest(word string, candidates []string) string {
	norm := func(s string) string {
		return strings.NewReplacer("_", "-", " ", "-").Replace(strings.ToLower(strings.TrimSpace(s)))
	}
	w := norm(word)
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		n := norm(c)
		d := editDistance(w, n)
		if strings.HasPrefix(n, w) && len(w) >= 3 || strings.HasPrefix(w, n) && len(n) >= 3 {
			d = min(d, 1)
		}
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := max(2, len([]rune(w))/3)
	if bestDist <= limit {
		return best
	}
	return ""
}

// didYouMean is the hint for an unknown name: the nearest candidate, or the
// list of what is allowed when nothing is near.
func didYouMean(word string, candidates []string) string {
	if c := closest(word, candidates); c != "" {
		return "did you mean `" + c + "`?"
	}
	return "expected one of: " + quoteList(candidates)
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = "`" + s + "`"
	}
	return strings.Join(q, ", ")
}

// editDistance is the Levenshtein distance between a and b, by characters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
