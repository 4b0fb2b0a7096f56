package main

import (
	"encoding/binary"
	"errors"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
)

// command builds an OP_MSG request whose body is doc, as a driver sends it.
func command(t *testing.T, requestID uint32, doc bson.D) []byte {
	t.Helper()
	body, err := bson.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	raw := make([]byte, headerLength+4+1, headerLength+4+1+len(body))
	raw = append(raw, body...)
	binary.LittleEndian.PutUint32(raw[0:4], uint32(len(raw)))
	binary.LittleEndian.PutUint32(raw[4:8], requestID)
	binary.LittleEndian.PutUint32(raw[12:16], opMsg)
	return raw
}

// replyOf is the body document of an OP_MSG reply and the request it answers.
func replyOf(t *testing.T, m *message) (bson.M, uint32) {
	t.Helper()
	var doc bson.M
	if err := bson.Unmarshal(m.raw[headerLength+4+1:], &doc); err != nil {
		t.Fatal(err)
	}
	return doc, binary.LittleEndian.Uint32(m.raw[8:12])
}

// fakeFerretDB answers every command with ok: 1, except an insert into "stalled", which it never answers.
func fakeFerretDB(t *testing.T) func() (net.Conn, error) {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { listener.Close() })
	go func() {
		for {
			conn, err := listener.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				for {
					request, err := readMessage(conn)
					if err != nil {
						return
					}
					var doc bson.M
					if err := bson.Unmarshal(request.raw[headerLength+4+1:], &doc); err != nil {
						return
					}
					if doc["insert"] == "stalled" {
						io.Copy(io.Discard, conn) // until the gate hangs up
						return
					}
					reply, _ := bson.Marshal(bson.D{{Key: "ok", Value: 1.0}})
					answer := make([]byte, headerLength+4+1, headerLength+4+1+len(reply))
					answer = append(answer, reply...)
					binary.LittleEndian.PutUint32(answer[0:4], uint32(len(answer)))
					binary.LittleEndian.PutUint32(answer[8:12], request.requestID())
					binary.LittleEndian.PutUint32(answer[12:16], opMsg)
					conn.Write(answer)
				}
			}()
		}
	}()
	return func() (net.Conn, error) { return net.Dial("tcp", listener.Addr().String()) }
}

func startGate(t *testing.T, timeout time.Duration) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { listener.Close() })
	g := &gate{backend: fakeFerretDB(t), logger: slog.New(slog.DiscardHandler), writeTimeout: timeout}
	go g.serve(listener)
	return listener.Addr().String()
}

func dialGate(t *testing.T, address string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", address)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	return conn
}

func TestAStalledWriteFailsWithMaxTimeMSExpiredAndFreesTheGateForTheNextWriter(t *testing.T) {
	address := startGate(t, 300*time.Millisecond)
	stalledClient, nextClient := dialGate(t, address), dialGate(t, address)

	started := time.Now()
	stalledClient.Write(command(t, 7, bson.D{{Key: "insert", Value: "stalled"}, {Key: "$db", Value: "test"}}))
	time.Sleep(50 * time.Millisecond) // the stalled write holds the gate first
	nextClient.Write(command(t, 8, bson.D{{Key: "insert", Value: "bookings"}, {Key: "$db", Value: "test"}}))

	answer, err := readMessage(nextClient)
	if err != nil {
		t.Fatalf("the next writer got no answer: %v", err)
	}
	if doc, to := replyOf(t, answer); doc["ok"] != 1.0 || to != 8 {
		t.Fatalf("the next writer got %v (for request %d)", doc, to)
	}
	failure, err := readMessage(stalledClient)
	if err != nil {
		t.Fatalf("the stalled writer got no answer: %v", err)
	}
	doc, to := replyOf(t, failure)
	if doc["ok"] != 0.0 || doc["code"] != int32(codeMaxTimeMSExpired) || doc["codeName"] != "MaxTimeMSExpired" ||
		doc["errmsg"] == "" || to != 7 {
		t.Fatalf("the stalled writer got %v (for request %d)", doc, to)
	}
	if waited := time.Since(started); waited < 300*time.Millisecond || waited > 2*time.Second {
		t.Fatalf("the stalled write was failed after %v, not after the 300ms timeout", waited)
	}
}

func TestAConnectionWhoseWriteTimedOutKeepsWorking(t *testing.T) {
	address := startGate(t, 200*time.Millisecond)
	client := dialGate(t, address)
	client.Write(command(t, 1, bson.D{{Key: "insert", Value: "stalled"}, {Key: "$db", Value: "test"}}))
	if _, err := readMessage(client); err != nil {
		t.Fatalf("no answer to the stalled write: %v", err)
	}
	client.Write(command(t, 2, bson.D{{Key: "insert", Value: "bookings"}, {Key: "$db", Value: "test"}}))
	answer, err := readMessage(client)
	if err != nil {
		t.Fatalf("no answer to the next command on the same connection: %v", err)
	}
	if doc, to := replyOf(t, answer); doc["ok"] != 1.0 || to != 2 {
		t.Fatalf("the next command got %v (for request %d)", doc, to)
	}
}

func TestAConnectionWhoseWriteTimedOutIsClosedWhenFerretDBCannotBeReachedAgain(t *testing.T) {
	reach := fakeFerretDB(t)
	dials := 0
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { listener.Close() })
	backend := func() (net.Conn, error) {
		if dials++; dials > 1 {
			return nil, io.ErrClosedPipe
		}
		return reach()
	}
	g := &gate{backend: backend, logger: slog.New(slog.DiscardHandler), writeTimeout: 200 * time.Millisecond}
	go g.serve(listener)
	client := dialGate(t, listener.Addr().String())

	client.Write(command(t, 1, bson.D{{Key: "insert", Value: "stalled"}, {Key: "$db", Value: "test"}}))
	answer, err := readMessage(client)
	if err != nil {
		t.Fatalf("no answer to the stalled write: %v", err)
	}
	if doc, _ := replyOf(t, answer); doc["code"] != int32(codeMaxTimeMSExpired) {
		t.Fatalf("the stalled write got %v", doc)
	}
	if _, err := readMessage(client); !errors.Is(err, io.EOF) {
		t.Fatalf("the connection was not closed: %v", err)
	}
}
