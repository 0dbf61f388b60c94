"""The shared upload checks: type by content, size, names, zip bombs and the virus scan."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from inspectorate import uploads
from inspectorate.uploads import check_upload, sanitise_name
from tests.documents import files


@pytest.mark.parametrize(
    "name, content, label",
    [
        ("statement.pdf", files.pdf_bytes(), "PDF"),
        ("evidence.docx", files.docx_bytes(), "Word document"),
        ("evidence.doc", files.ole2_bytes("WordDocument"), "Word 97-2003 document"),
        ("figures.xlsx", files.xlsx_bytes(), "Excel workbook"),
        ("figures.xls", files.ole2_bytes("Workbook"), "Excel 97-2003 workbook"),
        ("evidence.odt", files.odt_bytes(), "OpenDocument text"),
        ("figures.ods", files.ods_bytes(), "OpenDocument spreadsheet"),
        ("case-list.csv", b"reference,age\nR1,12\nR2,15\n", "CSV"),
        ("notes.txt", "Notes on the self-evaluation, £0 cost\n".encode(), "Plain text"),
        ("chart.png", files.PNG, "PNG image"),
        ("photo.jpg", files.JPEG, "JPEG image"),
    ],
)
def test_accepted_types_are_recognised_by_their_content(name, content, label):
    checked = check_upload(files.upload(name, content))
    assert checked.file_type.label == label
    assert checked.size == len(content)
    assert checked.sha256 == hashlib.sha256(content).hexdigest()


def test_a_renamed_executable_is_refused_as_a_program():
    with pytest.raises(ValidationError, match="is a program, not a document"):
        check_upload(files.upload("position-statement.pdf", files.executable_bytes()))


def test_a_pdf_named_as_a_word_document_is_refused_with_the_fix():
    with pytest.raises(ValidationError, match="is a PDF but its name ends in “.docx”. Rename it to end in .pdf"):
        check_upload(files.upload("statement.docx", files.pdf_bytes()))


def test_an_unknown_binary_type_is_refused():
    with pytest.raises(ValidationError, match="not a type of file we accept"):
        check_upload(files.upload("archive.pdf", b"\x1f\x8b\x08\x00" + b"\x00\xff" * 50))


def test_a_plain_zip_is_refused_as_not_a_document():
    with pytest.raises(ValidationError, match="is a zip file, not a document"):
        check_upload(files.upload("evidence.docx", files._zip({"readme.txt": "hello"})))


def test_an_office_file_that_expands_enormously_is_refused_as_a_zip_bomb():
    with pytest.raises(ValidationError, match="expands to far more than its size") as refused:
        check_upload(files.upload("evidence.docx", files.zip_bomb_docx()))
    assert refused.value.code == "zip_bomb"


def test_a_damaged_office_file_is_refused():
    with pytest.raises(ValidationError, match="is damaged"):
        check_upload(files.upload("evidence.docx", b"PK\x03\x04" + b"\x00" * 40))


def test_an_oversized_file_is_refused_with_the_limit(settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError, match=r"is 1.5 MB. The file must be smaller than 1 MB"):
        check_upload(files.upload("big.pdf", files.pdf_bytes() + b" " * (1536 * 1024 - len(files.pdf_bytes()))))


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="is empty"):
        check_upload(files.upload("empty.txt", b""))


@pytest.mark.parametrize(
    "raw", ["../../etc/passwd.pdf", "reports/statement.pdf", "C:statement.pdf", "C:\\Users\\me\\statement.pdf"]
)
def test_a_name_with_a_folder_path_is_refused(raw):
    with pytest.raises(ValidationError, match="must not include a folder path"):
        check_upload(ContentFile(files.pdf_bytes(), name=raw))


def test_names_lose_control_characters_and_leading_dots_and_are_shortened():
    assert sanitise_name("  .position\x00 statement\u202e\t.pdf ") == "position statement.pdf"
    long_name = sanitise_name("a" * 400 + ".pdf")
    assert len(long_name) == uploads.MAX_NAME_LENGTH
    assert long_name.endswith(".pdf")


def test_the_eicar_test_file_is_refused_when_a_scanner_is_configured(clamd):
    with pytest.raises(ValidationError, match=r"contains a virus \(Eicar-Test-Signature\)") as refused:
        check_upload(files.upload("notes.txt", files.EICAR))
    assert refused.value.code == "virus"
    assert clamd.scanned == [files.EICAR]


def test_a_clean_file_passes_the_scanner_whole(clamd):
    content = files.pdf_bytes() + b"x" * 200_000  # more than one INSTREAM chunk
    check_upload(files.upload("statement.pdf", content))
    assert clamd.scanned == [content]


def test_an_unreachable_scanner_refuses_the_file_rather_than_keep_it_unscanned(settings):
    settings.CLAMAV_HOST = "127.0.0.1"
    settings.CLAMAV_PORT = 1  # nothing listens there
    with pytest.raises(ValidationError, match="could not be checked for viruses"):
        check_upload(files.pdf())


def test_without_a_scanner_the_eicar_text_is_just_text(settings):
    settings.CLAMAV_HOST = settings.CLAMAV_SOCKET = ""
    assert check_upload(files.upload("notes.txt", files.EICAR)).file_type.label == "Plain text"


def test_scanner_ping_reports_whether_the_daemon_answers(clamd):
    assert uploads.scanner_ping() is True


def test_stored_files_live_under_media_root_with_a_random_name(settings):
    stored_name = uploads.store(check_upload(files.pdf("statement.pdf")), "documents")
    path = settings.MEDIA_ROOT / stored_name
    assert path.read_bytes() == files.pdf_bytes()
    assert "statement" not in stored_name and not stored_name.endswith(".pdf")
    uploads.delete_stored(stored_name)
    uploads.delete_stored(stored_name)  # already gone: not an error
    assert not path.exists()
