// Go's side of the runtime benchmarks: the same rows as benchmarks/ (JMH), each op one element
// (one round trip for ping-pong, one goroutine for spawn), so ns/op reads as the JMH tables'
// ns per element. Values are ints, as the JMH rows use Integers from the box cache.
package bench

import (
	"sync"
	"testing"
)

// BenchmarkPingPong: two goroutines, one sends on ping and waits on pong, the other answers.
func BenchmarkPingPong(b *testing.B) {
	ping, pong := make(chan int), make(chan int)
	done := make(chan struct{})
	go func() {
		for i := 0; i < b.N; i++ {
			pong <- <-ping
		}
		close(done)
	}()
	for i := 0; i < b.N; i++ {
		ping <- i
		<-pong
	}
	<-done
}

func oneToOne(b *testing.B, capacity int) {
	ch := make(chan int, capacity)
	done := make(chan struct{})
	go func() {
		for i := 0; i < b.N; i++ {
			<-ch
		}
		close(done)
	}()
	go func() {
		for i := 0; i < b.N; i++ {
			ch <- i
		}
	}()
	<-done
}

// BenchmarkOneToOne16 and 1024: one producer and one consumer over a buffered channel.
func BenchmarkOneToOne16(b *testing.B)   { oneToOne(b, 16) }
func BenchmarkOneToOne1024(b *testing.B) { oneToOne(b, 1024) }

// BenchmarkFourToFour16: four producers and four consumers over one channel of 16.
func BenchmarkFourToFour16(b *testing.B) {
	const sides = 4
	ch := make(chan int, 16)
	per := b.N / sides
	var wg sync.WaitGroup
	for w := 0; w < sides; w++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				ch <- i
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				<-ch
			}
		}()
	}
	wg.Wait()
}

func selectOverFour(b *testing.B, capacity int) {
	const channels = 4
	per := b.N / channels
	var chans [channels]chan int
	for c := range chans {
		chans[c] = make(chan int, capacity)
		go func(ch chan int) {
			for i := 0; i < per; i++ {
				ch <- i
			}
		}(chans[c])
	}
	for i := 0; i < per*channels; i++ {
		select {
		case <-chans[0]:
		case <-chans[1]:
		case <-chans[2]:
		case <-chans[3]:
		}
	}
}

// BenchmarkSelectOverFour0 and 16: one goroutine selects over four channels, each fed by its own
// producer.
func BenchmarkSelectOverFour0(b *testing.B)  { selectOverFour(b, 0) }
func BenchmarkSelectOverFour16(b *testing.B) { selectOverFour(b, 16) }

// BenchmarkSpawn: start b.N goroutines and wait for all of them with a WaitGroup.
func BenchmarkSpawn(b *testing.B) {
	var wg sync.WaitGroup
	wg.Add(b.N)
	for i := 0; i < b.N; i++ {
		go wg.Done()
	}
	wg.Wait()
}
