package main

// FerretDB 1.24 runs an update as a query followed by a separate write, so two clients updating one
// document at the same moment can both read the old value and one change is lost. MongoDB applies each
// single-document update atomically, and the product relies on that (seats are taken with one conditional
// update). The gate restores it: it sits in front of FerretDB and lets one write command through at a time,
// across all connections, while reads pass freely.

import (
	"encoding/binary"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"
)

const (
	opMsg           = 2013
	flagMoreToCome  = 1 << 1
	headerLength    = 16
	maxMessageBytes = 48 * 1024 * 1024
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

type gate struct {
	writes  sync.Mutex
	backend func() (net.Conn, error)
	logger  *slog.Logger
}

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
	defer server.Close()
	for {
		request, err := readMessage(client)
		if err != nil {
			return
		}
		write := writeCommands[request.command()]
		if write {
			g.writes.Lock()
		}
		err = g.exchange(client, server, request)
		if write {
			g.writes.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// exchange forwards one request and the response(s) it gets; a request marked moreToCome gets none.
func (g *gate) exchange(client, server net.Conn, request *message) error {
	if _, err := server.Write(request.raw); err != nil {
		return err
	}
	if request.flags&flagMoreToCome != 0 {
		return nil
	}
	for {
		response, err := readMessage(server)
		if err != nil {
			return err
		}
		if _, err := client.Write(response.raw); err != nil {
			return err
		}
		if response.flags&flagMoreToCome == 0 {
			return nil
		}
	}
}
