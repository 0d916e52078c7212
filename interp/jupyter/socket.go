package jupyter

import (
	"github.com/go-zeromq/zmq4"
)

// Send signs m and sends it on sock as one multipart message.
func (s *Signer) Send(sock zmq4.Socket, m *Message) error {
	frames, err := s.Encode(m)
	if err != nil {
		return err
	}
	return sock.SendMulti(zmq4.NewMsgFrom(frames...))
}

// Recv receives one message from sock and checks its signature.
func (s *Signer) Recv(sock zmq4.Socket) (*Message, error) {
	msg, err := sock.Recv()
	if err != nil {
		return nil, err
	}
	return s.Decode(msg.Frames)
}
