// Command ferretdb runs the embeddable FerretDB as the project's local MongoDB-protocol server.
// The stock binary cannot be `go install`ed (upstream issue #2982), the embeddable package can.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// statementLimit is how long PostgreSQL lets one statement of FerretDB's run, or one of its transactions sit
// idle: a little less than a client waits for a write, so PostgreSQL aborts a write stalled in it (a locked
// table or row) and rolls it back before the write gate gives up waiting for it (gate.go).
func statementLimit(writeTimeout time.Duration) time.Duration {
	return max(writeTimeout*9/10, time.Millisecond)
}

// withStatementLimits sets PostgreSQL's statement_timeout and idle_in_transaction_session_timeout on the
// sessions FerretDB opens with postgresURL (pgx sends "options" with the connection's startup message).
func withStatementLimits(postgresURL string, limit time.Duration) (string, error) {
	u, err := url.Parse(postgresURL)
	if err != nil {
		return "", err
	}
	query := u.Query()
	ms := limit.Milliseconds()
	limits := fmt.Sprintf("-c statement_timeout=%d -c idle_in_transaction_session_timeout=%d", ms, ms)
	query.Set("options", strings.TrimSpace(query.Get("options")+" "+limits))
	u.RawQuery = query.Encode()
	return u.String(), nil
}

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27027", "TCP address to listen on")
	handler := flag.String("handler", "sqlite", "backend: sqlite or postgresql")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite directory URI (sqlite handler)")
	postgresURL := flag.String("postgresql-url", "", "PostgreSQL URL (postgresql handler)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	writeTimeout := flag.Duration("write-timeout", 10*time.Second, "how long a client waits for a write's answer")
	flag.Parse()

	if *postgresURL != "" {
		var err error
		if *postgresURL, err = withStatementLimits(*postgresURL, statementLimit(*writeTimeout)); err != nil {
			log.Fatalf("invalid -postgresql-url: %v", err)
		}
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		log.Fatalf("invalid -log-level: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// FerretDB itself listens on a private socket; clients reach it through the write gate (gate.go).
	socketDir, err := os.MkdirTemp("", "ferretdb-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(socketDir)
	socket := filepath.Join(socketDir, "ferretdb.sock")

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{Unix: socket},
		Logger:        logger,
		Handler:       *handler,
		SQLiteURL:     *sqliteURL,
		PostgreSQLURL: *postgresURL,
	})
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	listener, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	// Clients may connect before FerretDB's socket exists; give it a few seconds to come up.
	dial := func() (net.Conn, error) {
		var err error
		for attempt := 0; attempt < 100; attempt++ {
			var conn net.Conn
			if conn, err = net.Dial("unix", socket); err == nil {
				return conn, nil
			}
			time.Sleep(100 * time.Millisecond)
		}
		return nil, err
	}
	// A statement started just before the client was failed ends within statementLimit after it.
	g := &gate{logger: logger, backend: dial, writeTimeout: *writeTimeout, finishTimeout: *writeTimeout}
	go func() {
		if err := g.serve(listener); err != nil && ctx.Err() == nil {
			log.Fatal(err)
		}
	}()
	go func() {
		<-ctx.Done()
		listener.Close()
	}()

	if err := f.Run(ctx); err != nil {
		log.Fatal(err)
	}
}
