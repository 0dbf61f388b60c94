"""Small real files of each kind, made in memory, for upload tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def pdf_bytes(text="Position statement"):
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        + f"% {text}\n".encode()
        + b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes(extra=None):
    return _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>", **(extra or {})})


def xlsx_bytes():
    return _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})


def odt_bytes():
    return _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"})


def ods_bytes():
    return _zip(
        {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>"}
    )


def ole2_bytes(stream_name):
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return header + stream_name.encode("utf-16-le") + b"\x00" * 64


def zip_bomb_docx():
    return docx_bytes({"word/media/padding.bin": b"\x00" * (20 * 1024 * 1024)})


def executable_bytes():
    return (
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"This program cannot be run in DOS mode" * 10
    )


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf(name="position-statement.pdf", text="Position statement"):
    return upload(name, pdf_bytes(text), "application/pdf")
