package org.claimbridge.web;

import java.io.IOException;
import java.security.Principal;

import org.claimbridge.remit.X12Receipts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person uploads an X12 response file (999, 277CA, 835) the clearinghouse portal gave them. The page shows what
 * became of the file and of each transaction set; the result travels through a redirect, so reloading the page does
 * not send the file again.
 */
@Controller
class ResponsesUploadPage implements Page {

    static final String PATH = "/responses/upload";

    private final X12Receipts receipts;

    ResponsesUploadPage(X12Receipts receipts) {
        this.receipts = receipts;
    }

    @GetMapping(PATH)
    String form() {
        return "responses/upload";
    }

    @PostMapping(PATH)
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal user,
                  RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", file == null || file.getOriginalFilename() == null
                    || file.getOriginalFilename().isBlank()
                    ? "No file was chosen: choose an X12 file (999, 277CA or 835) to upload."
                    : "The file " + file.getOriginalFilename() + " is empty: nothing was stored.");
            return "redirect:" + PATH;
        }
        X12Receipts.Receipt receipt = receipts.receive(file.getBytes(), X12Receipts.Channel.UPLOAD,
                file.getOriginalFilename(), "user " + user.getName());
        redirect.addFlashAttribute("fileName", file.getOriginalFilename());
        redirect.addFlashAttribute("receipt", receipt);
        return "redirect:" + PATH;
    }
}
