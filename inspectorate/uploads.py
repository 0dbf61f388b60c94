"""The one path every uploaded file takes before the service keeps it.

`check_upload(uploaded_file)` returns a `CheckedFile` or raises `ValidationError` with a message
fit to show on the form: the size limit, a type recognised from the content (never from the name
alone), a safe name, a zip-bomb check for Office and OpenDocument files, and a virus scan by a
ClamAV daemon when one is configured. `store(checked, folder)` then writes the file under
MEDIA_ROOT, which is outside the web root: files are served only through access-checked views.

Nothing is written anywhere until a file has passed every check, so a refused file leaves no trace.
"""

import csv
import hashlib
import socket
import struct
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.utils import timezone

ACCEPTED_TYPES_TEXT = "a PDF, Word, Excel, OpenDocument, CSV, plain text, PNG or JPEG file"
MAX_NAME_LENGTH = 150
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    content_type: str
    extensions: tuple[str, ...]


TYPES = {
    t.key: t
    for t in [
        FileType("pdf", "PDF", "application/pdf", (".pdf",)),
        FileType(
            "docx",
            "Word document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (".docx",),
        ),
        FileType("doc", "Word 97-2003 document", "application/msword", (".doc",)),
        FileType(
            "xlsx", "Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)
        ),
        FileType("xls", "Excel 97-2003 workbook", "application/vnd.ms-excel", (".xls",)),
        FileType("odt", "OpenDocument text", "application/vnd.oasis.opendocument.text", (".odt",)),
        FileType("ods", "OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", (".ods",)),
        FileType("csv", "CSV", "text/csv", (".csv",)),
        FileType("txt", "Plain text", "text/plain", (".txt", ".text")),
        FileType("png", "PNG image", "image/png", (".png",)),
        FileType("jpeg", "JPEG image", "image/jpeg", (".jpg", ".jpeg")),
    ]
}


@dataclass(frozen=True)
class CheckedFile:
    """An uploaded file that passed every check, with the facts the service records about it."""

    name: str
    size: int
    file_type: FileType
    sha256: str
    source: object  # the uploaded file, to be written by store()

    @property
    def content_type(self):
        return self.file_type.content_type


class ScannerUnavailable(Exception):
    """The configured virus scanner could not be reached or gave no clear answer."""


def max_bytes():
    return settings.UPLOAD_MAX_BYTES


def human_size(size):
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}".replace(".0 ", " ")
        size /= 1024
    return f"{size} bytes"


def check_upload(uploaded_file):
    """Check one uploaded file and return a CheckedFile, or raise ValidationError saying what is wrong."""
    name = sanitise_name(getattr(uploaded_file, "name", "") or "")
    size = uploaded_file.size
    if size == 0:
        raise ValidationError(f"{name} is empty. Choose a file that has something in it.", code="empty")
    if size > max_bytes():
        raise ValidationError(f"{name} is {human_size(size)}. The file must be smaller than {human_size(max_bytes())}.")
    head = _read_head(uploaded_file)
    file_type = detect_type(uploaded_file, head, name)
    extension = PurePosixPath(name).suffix.lower()
    if extension not in file_type.extensions:
        raise ValidationError(
            f"{name} is a {file_type.label} but its name ends in “{extension or 'nothing'}”. "
            f"Rename it to end in {file_type.extensions[0]} and try again."
        )
    sha256 = _sha256(uploaded_file)
    if scanner_configured():
        try:
            verdict = scan(uploaded_file)
        except ScannerUnavailable:
            raise ValidationError(
                f"{name} could not be checked for viruses just now. Try again in a few minutes.", code="scanner"
            ) from None
        if verdict is not None:
            raise ValidationError(f"{name} contains a virus ({verdict}). It has not been kept.", code="virus")
    return CheckedFile(name=name, size=size, file_type=file_type, sha256=sha256, source=uploaded_file)


def sanitise_name(raw):
    """A display name that is safe to show and to offer as a download name.

    A name that carries a folder path is refused rather than quietly cut, so the person knows
    which file was meant; control characters are dropped and the length is limited.
    """
    name = unicodedata.normalize("NFC", raw).strip()
    if "/" in name or "\\" in name or PureWindowsPath(name).drive or ":" in name or ".." in PurePosixPath(name).parts:
        raise ValidationError(
            "The file name must not include a folder path. Rename the file so that its name has no "
            "“/”, “\\” or “:” and try again.",
            code="path",
        )
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    name = " ".join(name.split()).lstrip(".")
    if not name or not PurePosixPath(name).stem:
        raise ValidationError("The file has no name. Rename it and try again.", code="no_name")
    if len(name) > MAX_NAME_LENGTH:
        suffix = PurePosixPath(name).suffix[:10]
        name = name[: MAX_NAME_LENGTH - len(suffix)] + suffix
    return name


def detect_type(uploaded_file, head, name):
    """The file's type, judged from its content. Raises ValidationError for anything not accepted."""
    if head.startswith(b"MZ") or head.startswith(b"\x7fELF") or head[:4] in (b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe"):
        raise ValidationError(f"{name} is a program, not a document. Upload {ACCEPTED_TYPES_TEXT}.", code="executable")
    if head.startswith(b"%PDF-"):
        return TYPES["pdf"]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return TYPES["png"]
    if head.startswith(b"\xff\xd8\xff"):
        return TYPES["jpeg"]
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole2_type(uploaded_file, name)
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(uploaded_file, name)
    if _looks_like_text(head):
        return TYPES["csv"] if _looks_like_csv(head, name) else TYPES["txt"]
    raise ValidationError(f"{name} is not a type of file we accept. Upload {ACCEPTED_TYPES_TEXT}.", code="type")


def _read_head(uploaded_file, length=CHUNK):
    uploaded_file.seek(0)
    head = uploaded_file.read(length)
    uploaded_file.seek(0)
    return head


def _iter_chunks(uploaded_file):
    uploaded_file.seek(0)
    while chunk := uploaded_file.read(CHUNK):
        yield chunk
    uploaded_file.seek(0)


def _sha256(uploaded_file):
    digest = hashlib.sha256()
    for chunk in _iter_chunks(uploaded_file):
        digest.update(chunk)
    return digest.hexdigest()


def _ole2_type(uploaded_file, name):
    # Legacy Office files are OLE2 compound files; the directory names the main stream in UTF-16.
    content = b"".join(_iter_chunks(uploaded_file))
    if "WordDocument".encode("utf-16-le") in content:
        return TYPES["doc"]
    if "Workbook".encode("utf-16-le") in content or "Book".encode("utf-16-le") in content:
        return TYPES["xls"]
    raise ValidationError(
        f"{name} is an Office file of a kind we do not accept. Upload {ACCEPTED_TYPES_TEXT}.", code="type"
    )


def _zip_type(uploaded_file, name):
    """Word, Excel and OpenDocument files are zips: check the members they must have, and refuse bombs."""
    not_a_document = ValidationError(
        f"{name} is a zip file, not a document. Upload {ACCEPTED_TYPES_TEXT}.", code="type"
    )
    uploaded_file.seek(0)
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            members = archive.infolist()
            _refuse_zip_bomb(members, name)
            names = {member.filename for member in members}
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return TYPES["docx"]
                if "xl/workbook.xml" in names:
                    return TYPES["xlsx"]
                raise not_a_document
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                for key in ("odt", "ods"):
                    if mimetype == TYPES[key].content_type and "content.xml" in names:
                        return TYPES[key]
            raise not_a_document
    # RuntimeError covers what zipfile raises for encrypted members and unsupported compression.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, RuntimeError):
        raise ValidationError(f"{name} is damaged and cannot be opened. Save it again and upload it.") from None
    finally:
        uploaded_file.seek(0)


def _refuse_zip_bomb(members, name):
    compressed = sum(member.compress_size for member in members)
    uncompressed = sum(member.file_size for member in members)
    ratio = uncompressed / max(compressed, 1)
    if (
        len(members) > settings.UPLOAD_ZIP_MAX_MEMBERS
        or uncompressed > settings.UPLOAD_ZIP_MAX_UNCOMPRESSED_BYTES
        or ratio > settings.UPLOAD_ZIP_MAX_RATIO
    ):
        raise ValidationError(
            f"{name} expands to far more than its size, which is how harmful files are built. "
            "Save it again as a new file, or as a PDF, and upload that.",
            code="zip_bomb",
        )


_TEXT_CONTROLS = {9, 10, 12, 13}


def _looks_like_text(head):
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # The head may end part-way through a multi-byte character.
        if error.start < len(head) - 4:
            try:
                text = head.decode("cp1252")
            except UnicodeDecodeError:
                return False
        else:
            text = head[: error.start].decode("utf-8-sig")
    return not any(ord(ch) < 32 and ord(ch) not in _TEXT_CONTROLS for ch in text)


def _looks_like_csv(head, name):
    if not name.lower().endswith(".csv"):
        return False
    sample = head.decode("utf-8-sig", "replace")
    try:
        csv.Sniffer().sniff(sample[:8192], delimiters=",;\t")
    except csv.Error:
        # A single-column CSV has no delimiter to find and is still a CSV.
        return "\n" in sample or len(sample) < 8192
    return True


# --- Virus scanning through a ClamAV daemon (clamd's INSTREAM command) ---


def scanner_configured():
    return bool(settings.CLAMAV_SOCKET or settings.CLAMAV_HOST)


def _connect():
    timeout = settings.CLAMAV_TIMEOUT
    if settings.CLAMAV_SOCKET:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(timeout)
        connection.connect(str(settings.CLAMAV_SOCKET))
        return connection
    return socket.create_connection((settings.CLAMAV_HOST, settings.CLAMAV_PORT), timeout=timeout)


def scan(uploaded_file):
    """Stream the file to clamd. Returns None when clean, or the name of what was found.

    Raises ScannerUnavailable when the daemon cannot be reached or answers with an error, so the
    caller refuses the file rather than keeping something unscanned.
    """
    try:
        with _connect() as connection:
            connection.sendall(b"zINSTREAM\0")
            for chunk in _iter_chunks(uploaded_file):
                connection.sendall(struct.pack("!L", len(chunk)) + chunk)
            connection.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                data = connection.recv(4096)
                if not data:
                    break
                reply += data
    except OSError as error:
        raise ScannerUnavailable(str(error)) from error
    answer = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    if answer.endswith("OK"):
        return None
    if answer.endswith("FOUND"):
        return answer.removeprefix("stream:").removesuffix("FOUND").strip()
    raise ScannerUnavailable(answer or "no answer")


def scanner_ping():
    """True when the configured daemon answers PING; for the admin's status message."""
    try:
        with _connect() as connection:
            connection.sendall(b"zPING\0")
            return connection.recv(16).startswith(b"PONG")
    except OSError:
        return False


# --- Storage under MEDIA_ROOT, outside the web root ---


def private_storage():
    # Built on each call so that MEDIA_ROOT is read when used (tests point it at a temporary folder).
    return FileSystemStorage(location=settings.MEDIA_ROOT, base_url=None)


def store(checked, folder):
    """Write a checked file under MEDIA_ROOT/<folder>/<year>/ with a random name; return the stored name.

    The stored name carries no part of the uploaded name or extension, so nothing on disk can be
    mistaken for something to run or serve.
    """
    checked.source.seek(0)
    return store_generated(checked.source, folder)


def store_generated(fileobj, folder):
    """Write a file the service made itself (such as a zip of accepted documents) under MEDIA_ROOT."""
    stored_name = f"{folder}/{timezone.now():%Y}/{uuid.uuid4().hex}"
    return private_storage().save(stored_name, fileobj if isinstance(fileobj, File) else File(fileobj))


def open_stored(stored_name):
    return private_storage().open(stored_name, "rb")


def delete_stored(stored_name):
    """Remove a stored file; a file already gone is not an error (a purge may run twice)."""
    if stored_name:
        private_storage().delete(stored_name)
