/** The media type of a Word document (.docx): what letters are uploaded and downloaded as. */
export const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
