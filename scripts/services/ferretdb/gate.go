package main

// FerretDB 1.24 runs an update as a query followed by a separate write, so two clients updating one
// document at the same moment can both read the old value and one change is lost. MongoDB applies each
// single-document update atomically, and the product relies on that (seats are taken with one conditional
// update). The gate restores it: it sits in front of FerretDB and lets one write command at a time through to
// each collection, across all connections, while reads pass freely.
//
// Why per collection is enough: a lost update needs two writes to read and then change the same document, and
// one collection's documents are one PostgreSQL table that no other collection's write reads or changes. So
// writes to different collections (a booking, a launch's seats, a log batch, a sync message) cannot lose each
// other's changes, and running them at once changes nothing a client can see; writes to one collection still
// take turns, which is what keeps the seat update atomic. The collection is the one the command names (its first
// value, with its $db): every write command of the protocol changes only the collection it names. A command that
// changes more than one collection (dropDatabase, and drop, which also rewrites the database's list of
// collections) or names none waits for every write under way and holds all others back while it runs.
//
// The gate guarantees that no two write commands to one collection run inside FerretDB (and so PostgreSQL) at
// once, as long as FerretDB ends every write within writeTimeout + finishTimeout (2 × FERRETDB_WRITE_TIMEOUT_MS
// as started):
//   - A write holds its collection's turn until FerretDB answers it. FerretDB runs one connection's commands
//     one after another, answers each when it has ended, and does not stop a command when its connection goes
//     away, so its answer (or its closing the connection) is the only sign that a write is over.
//   - A client waits at most writeTimeout for the answer to a write the gate let through (writers queued
//     behind a stalled write wait for the gate besides). Past it the client is failed as MongoDB fails a
//     command past its time limit (MaxTimeMSExpired, which drivers raise as a server error and keep the
//     connection for) and carries on over a fresh backend connection, while the gate keeps waiting on the old
//     one for the abandoned write to end, finishTimeout longer at most, before that collection's next writer
//     goes in. The abandoned write's outcome is unknown to its client, as after any lost reply; no other write
//     of its collection overlaps it.
//   - PostgreSQL bounds the wait: main.go gives FerretDB's sessions a statement_timeout and an
//     idle_in_transaction_session_timeout of 0.9 × writeTimeout, so a statement held up by a lock is aborted
//     and its transaction rolled back. FerretDB ends a write at the first statement PostgreSQL aborts (an
//     insert at the second: it retries a failed batch one document at a time), so a write held up by a lock
//     ends within 1.8 × writeTimeout, before the gate stops waiting.
// A write can still outlast finishTimeout: one spending longer than that in statements that each end in
// time (a large multi-document write), or FerretDB stalling outside PostgreSQL. Then the gate logs an error
// and lets the next writer in while the old write may still run, so that one stalled write cannot hold every
// writer back for ever. On SQLite, which has no statement limit, every stalled write ends that way.

import (
	"encoding/binary"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/bson"
)

const (
	opMsg           = 2013
	flagMoreToCome  = 1 << 1
	headerLength    = 16
	maxMessageBytes = 48 * 1024 * 1024
	// MongoDB's own code for an operation that exceeded its time limit.
	codeMaxTimeMSExpired = 50
)

var writeCommands = map[string]bool{
	"insert": true, "update": true, "delete": true, "findAndModify": true,
	"create": true, "drop": true, "createIndexes": true, "dropIndexes": true, "dropDatabase": true,
}

type message struct {
	raw   []byte
	flags uint32
	op    int32
}

func readMessage(r io.Reader) (*message, error) {
	header := make([]byte, headerLength)
	if _, err := io.ReadFull(r, header); err != nil {
		return nil, err
	}
	length := int(binary.LittleEndian.Uint32(header[0:4]))
	if length < headerLength || length > maxMessageBytes {
		return nil, errors.New("invalid message length")
	}
	raw := make([]byte, length)
	copy(raw, header)
	if _, err := io.ReadFull(r, raw[headerLength:]); err != nil {
		return nil, err
	}
	m := &message{raw: raw, op: int32(binary.LittleEndian.Uint32(header[12:16]))}
	if m.op == opMsg && length >= headerLength+4 {
		m.flags = binary.LittleEndian.Uint32(raw[16:20])
	}
	return m, nil
}

// command is the name of an OP_MSG's command: the first key of its body document (section kind 0).
func (m *message) command() string {
	body := m.raw[headerLength:]
	if m.op != opMsg || len(body) < 4+1+4+1 || body[4] != 0 {
		return ""
	}
	doc := body[5:]
	if len(doc) < 5 {
		return ""
	}
	name := doc[5:] // skip the document length (4) and the first element's type (1)
	for i, b := range name {
		if b == 0 {
			return string(name[:i])
		}
	}
	return ""
}

// requestID is the id the client gave the message; a reply names it in responseTo.
func (m *message) requestID() uint32 {
	return binary.LittleEndian.Uint32(m.raw[4:8])
}

// errorReply is an OP_MSG answer to request that fails it the way a MongoDB server fails a command.
func errorReply(request *message, code int32, codeName, errmsg string) ([]byte, error) {
	body, err := bson.Marshal(bson.D{
		{Key: "ok", Value: 0.0},
		{Key: "errmsg", Value: errmsg},
		{Key: "code", Value: code},
		{Key: "codeName", Value: codeName},
	})
	if err != nil {
		return nil, err
	}
	reply := make([]byte, headerLength+4+1, headerLength+4+1+len(body))
	reply = append(reply, body...)
	binary.LittleEndian.PutUint32(reply[0:4], uint32(len(reply)))
	binary.LittleEndian.PutUint32(reply[8:12], request.requestID())
	binary.LittleEndian.PutUint32(reply[12:16], opMsg)
	// flags (reply[16:20]) stay 0 and the section kind (reply[20]) is 0: one body document.
	return reply, nil
}

// scope is what a write command changes: the collection it names, in its database. whole is a command that
// changes more than one collection, or one the gate cannot tell the collection of.
func (m *message) scope() (collection string, whole bool) {
	body := m.raw[headerLength:]
	if m.op != opMsg || len(body) < 4+1+5 || body[4] != 0 {
		return "", true
	}
	doc := bson.Raw(body[5:])
	first, err := doc.IndexErr(0)
	if err != nil {
		return "", true
	}
	name, isName := first.Value().StringValueOK()
	database, hasDatabase := doc.Lookup("$db").StringValueOK()
	if !isName || !hasDatabase || first.Key() == "drop" || first.Key() == "dropDatabase" {
		return "", true
	}
	return database + "." + name, false
}

// writeLocks lets one write at a time into each collection, and a write of the whole gate in alone.
type writeLocks struct {
	whole       sync.RWMutex
	mu          sync.Mutex
	collections map[string]*sync.Mutex
}

// lock waits until request's write may run and answers how to let the next one in.
func (l *writeLocks) lock(request *message) (unlock func()) {
	collection, whole := request.scope()
	if whole {
		l.whole.Lock()
		return l.whole.Unlock
	}
	l.whole.RLock()
	l.mu.Lock()
	if l.collections == nil {
		l.collections = map[string]*sync.Mutex{}
	}
	turn := l.collections[collection]
	if turn == nil {
		turn = &sync.Mutex{}
		l.collections[collection] = turn
	}
	l.mu.Unlock()
	turn.Lock()
	return func() {
		turn.Unlock()
		l.whole.RUnlock()
	}
}

type gate struct {
	writes  writeLocks
	backend func() (net.Conn, error)
	logger  *slog.Logger
	// writeTimeout is how long a client waits for the answer to a write.
	writeTimeout time.Duration
	// finishTimeout is how much longer the gate keeps other writers out while FerretDB finishes a write whose
	// client was already failed.
	finishTimeout time.Duration
}

// backendError is an exchange that failed on FerretDB's side, which the client can be told about.
type backendError struct{ err error }

func (e backendError) Error() string { return e.err.Error() }
func (e backendError) Unwrap() error { return e.err }

func (g *gate) serve(listener net.Listener) error {
	for {
		client, err := listener.Accept()
		if err != nil {
			return err
		}
		go g.relay(client)
	}
}

func (g *gate) relay(client net.Conn) {
	defer client.Close()
	server, err := g.backend()
	if err != nil {
		g.logger.Error("gate cannot reach FerretDB", "error", err)
		return
	}
	defer func() {
		if server != nil {
			server.Close()
		}
	}()
	for {
		request, err := readMessage(client)
		if err != nil {
			return
		}
		command := request.command()
		if !writeCommands[command] {
			if g.exchange(client, server, request) != nil {
				return
			}
			continue
		}
		abandoned, err := g.write(client, server, request)
		if err != nil {
			return
		}
		if !abandoned {
			continue
		}
		// The backend connection still owes the abandoned write's answer; finish owns it now.
		server = nil
		g.logger.Warn("gate: a write got no answer in time; failing it and keeping other writers out until it ends",
			"command", command, "timeout", g.writeTimeout)
		reply, err := errorReply(request, codeMaxTimeMSExpired, "MaxTimeMSExpired",
			"operation exceeded time limit: FerretDB did not answer the "+command+" within "+g.writeTimeout.String()+
				"; it may or may not be applied, and no other write runs until it has ended")
		if err != nil {
			return
		}
		if _, err := client.Write(reply); err != nil {
			return
		}
		if server, err = g.backend(); err != nil {
			g.logger.Error("gate cannot reach FerretDB", "error", err)
			return
		}
	}
}

// write passes one write command through while holding the gate. A write FerretDB does not answer within
// writeTimeout is abandoned: the client is to be failed, and finish keeps holding the gate and the backend
// connection until FerretDB has finished the write.
func (g *gate) write(client, server net.Conn, request *message) (abandoned bool, err error) {
	unlock := g.writes.lock(request)
	sent := time.Now()
	server.SetDeadline(sent.Add(g.writeTimeout))
	// A client that does not read its answer must not hold the gate either.
	client.SetWriteDeadline(sent.Add(g.writeTimeout))
	defer client.SetWriteDeadline(time.Time{})
	err = g.exchange(client, server, request)
	var stalled backendError
	if errors.As(err, &stalled) && errors.Is(err, os.ErrDeadlineExceeded) {
		go g.finish(server, request.command(), sent.Add(g.writeTimeout+g.finishTimeout), unlock)
		return true, nil
	}
	server.SetDeadline(time.Time{})
	unlock()
	return false, err
}

// finish holds the abandoned write's lock until FerretDB has ended it. FerretDB runs the commands of
// one connection one after another, answering each once it is done, and a closed connection does not stop
// the command it is running; so the write has ended when anything arrives on its connection or FerretDB
// closes it. Past the deadline the gate gives up waiting, so one stalled write cannot hold every writer back.
func (g *gate) finish(server net.Conn, command string, deadline time.Time, unlock func()) {
	defer unlock()
	defer server.Close()
	server.SetDeadline(deadline)
	if _, err := server.Read(make([]byte, 1)); errors.Is(err, os.ErrDeadlineExceeded) {
		g.logger.Error("gate: FerretDB did not end an abandoned write in time; letting the next writer in while it "+
			"may still be running", "command", command, "waited", g.writeTimeout+g.finishTimeout)
	}
}

// exchange forwards one request and the response(s) it gets; a request marked moreToCome gets none.
func (g *gate) exchange(client, server net.Conn, request *message) error {
	if _, err := server.Write(request.raw); err != nil {
		return backendError{err}
	}
	if request.flags&flagMoreToCome != 0 {
		return nil
	}
	for {
		response, err := readMessage(server)
		if err != nil {
			return backendError{err}
		}
		if _, err := client.Write(response.raw); err != nil {
			return err
		}
		if response.flags&flagMoreToCome == 0 {
			return nil
		}
	}
}
