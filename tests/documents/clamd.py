"""A fake clamd on a local TCP socket that speaks INSTREAM, for testing the virus scan without ClamAV."""

import socket
import struct
import threading

from tests.documents.files import EICAR


class FakeClamd:
    """Answers INSTREAM like clamd: FOUND for the EICAR test string, OK otherwise; PONG to PING."""

    def __init__(self):
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(5)
        self.port = self.server.getsockname()[1]
        self.scanned = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _read_exactly(self, connection, length):
        data = b""
        while len(data) < length:
            chunk = connection.recv(length - len(data))
            if not chunk:
                raise ConnectionError("client went away")
            data += chunk
        return data

    def _serve(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            with connection:
                command = b""
                while not command.endswith(b"\0"):
                    command += connection.recv(1)
                if command == b"zPING\0":
                    connection.sendall(b"PONG\0")
                    continue
                received = b""
                while True:
                    (length,) = struct.unpack("!L", self._read_exactly(connection, 4))
                    if length == 0:
                        break
                    received += self._read_exactly(connection, length)
                self.scanned.append(received)
                verdict = b"stream: Eicar-Test-Signature FOUND\0" if EICAR in received else b"stream: OK\0"
                connection.sendall(verdict)

    def close(self):
        self.server.close()
