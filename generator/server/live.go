package server

import (
	_ "embed"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// liveJS is the live-reload script the server injects into every HTML response.
//
//go:embed assets/live.js
var liveJS []byte

// pingInterval keeps idle event streams open through proxies and lets the server
// notice browsers that went away.
const pingInterval = 15 * time.Second

// serveEvents streams the id of each build to a browser as Server-Sent Events:
// the current one at once (so a page from an older build, or from before a
// restart, reloads when it reconnects), then every new one.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	notify := s.hub.subscribe()
	defer s.hub.unsubscribe(notify)
	sent := ""
	send := func() error {
		id := s.state.Load().id
		if id == sent {
			return nil
		}
		sent = id
		if _, err := fmt.Fprintf(w, "event: build\ndata: %s\n\n", id); err != nil {
			return err
		}
		return rc.Flush()
	}
	if send() != nil {
		return
	}
	ping := time.NewTicker(pingInterval)
	defer ping.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		case <-notify:
			err = send()
		case <-ping.C:
			if _, err = fmt.Fprint(w, ": ping\n\n"); err == nil {
				err = rc.Flush()
			}
		}
		if err != nil {
			return
		}
	}
}

// hub tells every open event stream that a build was published.
type hub struct {
	mu   sync.Mutex
	subs map[chan struct{}]bool
}

func (h *hub) subscribe() chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs == nil {
		h.subs = map[chan struct{}]bool{}
	}
	c := make(chan struct{}, 1)
	h.subs[c] = true
	return c
}

func (h *hub) unsubscribe(c chan struct{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, c)
}

// notify wakes every stream; one that is already awake sends the newest build.
func (h *hub) notify() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- struct{}{}:
		default:
		}
	}
}
