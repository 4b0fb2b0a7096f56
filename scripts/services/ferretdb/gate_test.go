package main

import (
	"encoding/binary"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"sync"
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

// fakeFerretDB answers every command with ok: 1, except an insert into "stalled", which it never answers (unless
// its comment is "answer"), a dropDatabase, which it answers once the test closes dropped, and an update of
// "launches", which takes the launch's last seat as FerretDB runs an update: it reads the document, waits while
// the test keeps the document locked, then writes what it computed from its read.
type fakeFerretDB struct {
	mu         sync.Mutex
	seatsLeft  int
	seatsTaken int
	unlocked   chan struct{}
	dropped    chan struct{}
	running    sync.WaitGroup
}

func newFakeFerretDB(t *testing.T) (*fakeFerretDB, func() (net.Conn, error)) {
	t.Helper()
	fake := &fakeFerretDB{seatsLeft: 1, unlocked: make(chan struct{}), dropped: make(chan struct{})}
	close(fake.unlocked)
	close(fake.dropped)
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
					if doc["insert"] == "stalled" && doc["comment"] != "answer" {
						io.Copy(io.Discard, conn) // until the gate hangs up
						return
					}
					if _, dropping := doc["dropDatabase"]; dropping {
						<-fake.dropped
					}
					answer := bson.D{{Key: "ok", Value: 1.0}}
					if doc["update"] == "launches" {
						answer = bson.D{{Key: "n", Value: fake.takeSeat()}, {Key: "ok", Value: 1.0}}
					}
					reply, _ := bson.Marshal(answer)
					raw := make([]byte, headerLength+4+1, headerLength+4+1+len(reply))
					raw = append(raw, reply...)
					binary.LittleEndian.PutUint32(raw[0:4], uint32(len(raw)))
					binary.LittleEndian.PutUint32(raw[8:12], request.requestID())
					binary.LittleEndian.PutUint32(raw[12:16], opMsg)
					conn.Write(raw) // FerretDB finishes a command even when nobody waits for its answer
				}
			}()
		}
	}()
	return fake, func() (net.Conn, error) { return net.Dial("tcp", listener.Addr().String()) }
}

// takeSeat is {seatsLeft: {$gte: 1}} with {$inc: {seatsLeft: -1}}: it answers how many documents it changed.
func (f *fakeFerretDB) takeSeat() int32 {
	f.running.Add(1)
	defer f.running.Done()
	f.mu.Lock()
	read := f.seatsLeft
	f.mu.Unlock()
	<-f.unlocked
	if read < 1 {
		return 0
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seatsLeft = read - 1
	f.seatsTaken++
	return 1
}

func fakeBackend(t *testing.T) func() (net.Conn, error) {
	t.Helper()
	_, dial := newFakeFerretDB(t)
	return dial
}

func startGate(t *testing.T, backend func() (net.Conn, error), timeout, finishTimeout time.Duration) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { listener.Close() })
	g := &gate{
		backend: backend, logger: slog.New(slog.DiscardHandler), writeTimeout: timeout, finishTimeout: finishTimeout,
	}
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

// takeLastSeat is the conditional update the product takes seats with.
func takeLastSeat(t *testing.T, requestID uint32) []byte {
	return command(t, requestID, bson.D{
		{Key: "update", Value: "launches"},
		{Key: "updates", Value: bson.A{bson.D{
			{Key: "q", Value: bson.D{
				{Key: "_id", Value: "artemis"}, {Key: "seatsLeft", Value: bson.D{{Key: "$gte", Value: 1}}},
			}},
			{Key: "u", Value: bson.D{{Key: "$inc", Value: bson.D{{Key: "seatsLeft", Value: -1}}}}},
		}}},
		{Key: "$db", Value: "test"},
	})
}

func TestAStalledSeatUpdateAndTheNextWritersIdenticalUpdateSellTheLastSeatOnce(t *testing.T) {
	fake, backend := newFakeFerretDB(t)
	fake.unlocked = make(chan struct{})
	address := startGate(t, backend, 200*time.Millisecond, 2*time.Second)
	stalledClient, nextClient := dialGate(t, address), dialGate(t, address)

	started := time.Now()
	stalledClient.Write(takeLastSeat(t, 7))
	time.Sleep(50 * time.Millisecond) // the stalled update holds the gate first
	nextClient.Write(takeLastSeat(t, 8))

	failure, err := readMessage(stalledClient)
	if err != nil {
		t.Fatalf("the stalled update got no answer: %v", err)
	}
	if doc, to := replyOf(t, failure); doc["codeName"] != "MaxTimeMSExpired" || to != 7 {
		t.Fatalf("the stalled update got %v (for request %d)", doc, to)
	}
	if waited := time.Since(started); waited > 500*time.Millisecond {
		t.Fatalf("the stalled update's client waited %v, not the 200ms time limit", waited)
	}
	time.Sleep(400 * time.Millisecond)
	close(fake.unlocked)

	answer, err := readMessage(nextClient)
	if err != nil {
		t.Fatalf("the next writer got no answer: %v", err)
	}
	doc, to := replyOf(t, answer)
	fake.running.Wait()
	if fake.seatsTaken != 1 || fake.seatsLeft != 0 {
		t.Fatalf("the last seat was taken %d times (seatsLeft %d)", fake.seatsTaken, fake.seatsLeft)
	}
	if doc["ok"] != 1.0 || doc["n"] != int32(0) || to != 8 {
		t.Fatalf("the next writer was told %v (for request %d), though the stalled update took the seat", doc, to)
	}
}

func TestAWriteFerretDBNeverAnswersHoldsTheNextWriterOfItsCollectionBackOnlyUntilItsTimeLimitAndFinishTimeoutPass(t *testing.T) {
	address := startGate(t, fakeBackend(t), 200*time.Millisecond, 300*time.Millisecond)
	stalledClient, nextClient := dialGate(t, address), dialGate(t, address)

	started := time.Now()
	stalledClient.Write(command(t, 7, bson.D{{Key: "insert", Value: "stalled"}, {Key: "$db", Value: "test"}}))
	time.Sleep(50 * time.Millisecond) // the stalled write holds the gate first
	nextClient.Write(command(t, 8, bson.D{
		{Key: "insert", Value: "stalled"}, {Key: "comment", Value: "answer"}, {Key: "$db", Value: "test"},
	}))

	failure, err := readMessage(stalledClient)
	if err != nil {
		t.Fatalf("the stalled writer got no answer: %v", err)
	}
	doc, to := replyOf(t, failure)
	if doc["ok"] != 0.0 || doc["code"] != int32(codeMaxTimeMSExpired) || doc["codeName"] != "MaxTimeMSExpired" ||
		doc["errmsg"] == "" || to != 7 {
		t.Fatalf("the stalled writer got %v (for request %d)", doc, to)
	}
	if waited := time.Since(started); waited < 200*time.Millisecond || waited > 450*time.Millisecond {
		t.Fatalf("the stalled write was failed after %v, not after the 200ms time limit", waited)
	}
	answer, err := readMessage(nextClient)
	if err != nil {
		t.Fatalf("the next writer got no answer: %v", err)
	}
	if doc, to := replyOf(t, answer); doc["ok"] != 1.0 || to != 8 {
		t.Fatalf("the next writer got %v (for request %d)", doc, to)
	}
	if waited := time.Since(started); waited < 500*time.Millisecond || waited > 1500*time.Millisecond {
		t.Fatalf("the next writer was answered after %v, not once the 200ms + 300ms had passed", waited)
	}
}

func TestAConnectionWhoseWriteTimedOutKeepsWorking(t *testing.T) {
	address := startGate(t, fakeBackend(t), 200*time.Millisecond, 600*time.Millisecond)
	client := dialGate(t, address)
	started := time.Now()
	client.Write(command(t, 1, bson.D{{Key: "insert", Value: "stalled"}, {Key: "$db", Value: "test"}}))
	if _, err := readMessage(client); err != nil {
		t.Fatalf("no answer to the stalled write: %v", err)
	}
	// Reads pass while the gate still waits for the stalled write to end.
	client.Write(command(t, 2, bson.D{{Key: "find", Value: "bookings"}, {Key: "$db", Value: "test"}}))
	answer, err := readMessage(client)
	if err != nil {
		t.Fatalf("no answer to a read on the same connection: %v", err)
	}
	if doc, to := replyOf(t, answer); doc["ok"] != 1.0 || to != 2 {
		t.Fatalf("the read got %v (for request %d)", doc, to)
	}
	if waited := time.Since(started); waited > 700*time.Millisecond {
		t.Fatalf("the read was answered after %v: it waited for the gate", waited)
	}
	client.Write(command(t, 3, bson.D{{Key: "insert", Value: "bookings"}, {Key: "$db", Value: "test"}}))
	answer, err = readMessage(client)
	if err != nil {
		t.Fatalf("no answer to the next write on the same connection: %v", err)
	}
	if doc, to := replyOf(t, answer); doc["ok"] != 1.0 || to != 3 {
		t.Fatalf("the next write got %v (for request %d)", doc, to)
	}
}

func TestAConnectionWhoseWriteTimedOutIsClosedWhenFerretDBCannotBeReachedAgain(t *testing.T) {
	reach := fakeBackend(t)
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
	g := &gate{backend: backend, logger: slog.New(slog.DiscardHandler), writeTimeout: 200 * time.Millisecond,
		finishTimeout: 100 * time.Millisecond}
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

// answeredWithin reads conn's next answer, or nil when none arrives within wait.
func answeredWithin(t *testing.T, conn net.Conn, wait time.Duration) *message {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(wait))
	defer conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	answer, err := readMessage(conn)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return nil
	}
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	return answer
}

func insertInto(t *testing.T, requestID uint32, database, collection string) []byte {
	return command(t, requestID, bson.D{{Key: "insert", Value: collection}, {Key: "$db", Value: database}})
}

func TestAWriteToAnotherCollectionGoesThroughWhileASeatUpdateIsUnderWay(t *testing.T) {
	fake, backend := newFakeFerretDB(t)
	fake.unlocked = make(chan struct{})
	address := startGate(t, backend, 2*time.Second, 2*time.Second)
	seatClient, bookingClient, otherDatabaseClient := dialGate(t, address), dialGate(t, address), dialGate(t, address)

	seatClient.Write(takeLastSeat(t, 1))
	time.Sleep(50 * time.Millisecond) // the seat update is inside FerretDB, holding its collection's turn
	bookingClient.Write(insertInto(t, 2, "test", "bookings"))
	otherDatabaseClient.Write(insertInto(t, 3, "other", "launches"))
	for _, client := range []net.Conn{bookingClient, otherDatabaseClient} {
		if answeredWithin(t, client, 500*time.Millisecond) == nil {
			t.Fatal("a write to another collection waited for the seat update")
		}
	}
	if answeredWithin(t, seatClient, 50*time.Millisecond) != nil {
		t.Fatal("the seat update was answered before FerretDB ended it")
	}
	close(fake.unlocked)
	if answeredWithin(t, seatClient, time.Second) == nil {
		t.Fatal("the seat update got no answer")
	}
}

func TestWritesToOneCollectionTakeTurnsSoTheLastSeatIsSoldOnce(t *testing.T) {
	fake, backend := newFakeFerretDB(t)
	fake.unlocked = make(chan struct{})
	address := startGate(t, backend, 2*time.Second, 2*time.Second)
	first, second := dialGate(t, address), dialGate(t, address)

	first.Write(takeLastSeat(t, 1))
	time.Sleep(50 * time.Millisecond)
	second.Write(takeLastSeat(t, 2))
	if answeredWithin(t, second, 200*time.Millisecond) != nil {
		t.Fatal("the second seat update of the same collection went in while the first was under way")
	}
	close(fake.unlocked)
	firstAnswer, secondAnswer := answeredWithin(t, first, time.Second), answeredWithin(t, second, time.Second)
	if firstAnswer == nil || secondAnswer == nil {
		t.Fatal("a seat update got no answer")
	}
	fake.running.Wait()
	if firstDoc, _ := replyOf(t, firstAnswer); firstDoc["n"] != int32(1) {
		t.Fatalf("the first update was told %v", firstDoc)
	}
	if secondDoc, _ := replyOf(t, secondAnswer); secondDoc["n"] != int32(0) || fake.seatsTaken != 1 {
		t.Fatalf("the second update was told %v; the seat was taken %d times", secondDoc, fake.seatsTaken)
	}
}

func TestADropDatabaseWaitsForEveryWriteUnderWayAndHoldsEveryOtherBackWhileItRuns(t *testing.T) {
	fake, backend := newFakeFerretDB(t)
	fake.unlocked = make(chan struct{})
	fake.dropped = make(chan struct{})
	address := startGate(t, backend, 2*time.Second, 2*time.Second)
	seatClient, dropClient, bookingClient := dialGate(t, address), dialGate(t, address), dialGate(t, address)

	seatClient.Write(takeLastSeat(t, 1))
	time.Sleep(50 * time.Millisecond)
	dropClient.Write(command(t, 2, bson.D{{Key: "dropDatabase", Value: 1}, {Key: "$db", Value: "other"}}))
	time.Sleep(50 * time.Millisecond) // the drop waits for the gate, and writers after it wait behind it
	bookingClient.Write(insertInto(t, 3, "test", "bookings"))
	if answeredWithin(t, bookingClient, 200*time.Millisecond) != nil {
		t.Fatal("a write went in while a dropDatabase waited for the gate")
	}
	close(fake.dropped)
	if answeredWithin(t, dropClient, 100*time.Millisecond) != nil {
		t.Fatal("the dropDatabase went in while a seat update was under way")
	}
	close(fake.unlocked)
	for _, client := range []net.Conn{seatClient, dropClient, bookingClient} {
		if answeredWithin(t, client, time.Second) == nil {
			t.Fatal("a write got no answer once the gate was free")
		}
	}
}
