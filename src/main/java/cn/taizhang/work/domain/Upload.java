package cn.taizhang.work.domain;

/**
 * A file as it arrived (附件): the name the uploader's computer gave it and its bytes. What the
 * browser claimed the type to be is deliberately not kept.
 */
public record Upload(String fileName, byte[] bytes) {

    /** A file input left empty arrives as a part without name and bytes. */
    public boolean isEmptyInput() {
        return (fileName == null || fileName.isBlank()) && (bytes == null || bytes.length == 0);
    }
}
