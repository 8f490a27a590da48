package changes

// Reads counts the earlier sides the source has read from git.
func (s *Source) Reads() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reads
}
