/* Decap CMS in Swedish: the phrases Decap's own Swedish lacks, filled in under it.
 *
 * Decap CMS ships a Swedish locale, but it lacks phrases that Decap's English has (the notes
 * pane, the list widget's "Add …", Expand/Collapse, status tooltips, …), and Decap shows a
 * missing phrase in English. This file holds only those phrases: Decap's Swedish is read from
 * Decap's registry at run time and registered again with ours filling its gaps, so Decap's own
 * Swedish is neither copied here nor overridden (where it has a phrase, its phrase stays).
 *
 * The phrases' structure (keys and placeholders) follows Decap CMS's English locale,
 * decap-cms-locales/src/en/index.js (MIT licence, © Decap contributors); the Swedish text is
 * ours. It says "inlägg" for an entry, as Decap's Swedish does. tests/editor/test_locale_sv.py
 * holds Decap's Swedish with ours to every key and placeholder of the installed Decap's English,
 * and ours to keys Decap's Swedish lacks.
 *
 * A classic script: the admin page loads decap-cms.js (which defines window.CMS and registers
 * its locales) and then this file, before Decap starts (Decap reads the phrases when it starts).
 */
(function () {
  "use strict";

  var gaps = {
    auth: {
      loginWithForgejo: "Logga in med Forgejo"
    },
    collection: {
      collectionTop: {
        viewAsList: "Visa som lista",
        viewAsGrid: "Visa som rutnät"
      },
      entries: {
        unpublishedHeader: "Opublicerade inlägg"
      }
    },
    editor: {
      editorControl: {
        field: {
          widgetLabel: "Fält av typen %{widgetLabel}"
        }
      },
      editorControlPane: {
        i18n: {
          copyFromLocale: "Fyll i från ett annat språk",
          copyFromLocaleConfirm: "Vill du fylla i uppgifterna från språket %{locale}?\nAllt befintligt innehåll skrivs över."
        }
      },
      editorInterface: {
        toggleNotes: "Visa/dölj anteckningar"
      },
      editorNotesPane: {
        title: "Anteckningar",
        emptyState: "Inga anteckningar ännu. Skriv den första anteckningen nedan för att börja samarbeta.",
        addNote: "Lägg till anteckning",
        addPlaceholder: "Skriv en anteckning…",
        editPlaceholder: "Redigera anteckningen…",
        save: "Spara",
        cancel: "Avbryt",
        edit: "Redigera",
        delete: "Radera",
        resolve: "Markera som löst",
        unresolve: "Markera som olöst",
        confirmDelete: "Är du säker på att du vill radera den här anteckningen?",
        shortcut: "Tips: Tryck på Ctrl+Enter för att snabbt lägga till anteckningen"
      },
      editorToolbar: {
        statusInfoTooltipDraft: "Inlägget har statusen utkast. När det är färdigt kan du skicka det till granskning genom att ändra statusen till ”Under granskning”.",
        statusInfoTooltipInReview: "Inlägget granskas och du behöver inte göra något mer. Du kan ändå fortsätta att göra ändringar medan det granskas."
      },
      editorWidgets: {
        markdown: {
          strikethrough: "Genomstruken",
          toggleMode: {
            rich: "Byt till formaterad text",
            markdown: "Byt till Markdown-läge"
          }
        },
        image: {
          chooseMultiple: "Välj bilder",
          addMore: "Lägg till fler bilder",
          removeAll: "Ta bort alla bilder"
        },
        file: {
          chooseMultiple: "Välj filer",
          addMore: "Lägg till fler filer",
          removeAll: "Ta bort alla filer"
        },
        datetime: {
          setToNow: "Ställ in %{fieldLabel} på nuvarande tid"
        },
        list: {
          add: "Lägg till %{item}",
          addType: "Lägg till %{item}"
        },
        object: {
          expand: "Fäll ut",
          collapse: "Fäll ihop"
        }
      }
    },
    mediaLibrary: {
      mediaLibraryModal: {
        close: "Stäng"
      }
    },
    ui: {
      settingsDropdown: {
        account: "Kontomeny"
      },
      toast: {
        noteAdded: "Anteckningen har lagts till",
        onFailToAddNote: "Kunde inte lägga till anteckningen: %{details}",
        noteUpdated: "Anteckningen har uppdaterats",
        onFailToUpdateNote: "Kunde inte uppdatera anteckningen: %{details}",
        noteDeleted: "Anteckningen har raderats",
        onFailToDeleteNote: "Kunde inte radera anteckningen: %{details}",
        noteResolved: "Anteckningen har markerats som löst",
        noteReopened: "Anteckningen har öppnats på nytt",
        onFailToToggleNote: "Kunde inte ändra anteckningens status: %{details}"
      }
    }
  };

  function isGroup(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // A new object: every phrase of Decap's, and ours only where Decap's has none (never over
  // Decap's, which its translators keep up to date). Decap's object itself is left as it was.
  function underneath(theirs, ours) {
    var merged = {};
    Object.keys(theirs).forEach(function (key) {
      merged[key] = theirs[key];
    });
    Object.keys(ours).forEach(function (key) {
      if (!(key in theirs)) {
        merged[key] = ours[key];
      } else if (isGroup(theirs[key]) && isGroup(ours[key])) {
        merged[key] = underneath(theirs[key], ours[key]);
      }
    });
    return merged;
  }

  // Without getLocale (a Decap that no longer offers it) registering ours would replace Decap's
  // whole Swedish with these few phrases: then Decap's Swedish stays as it is.
  if (typeof CMS.getLocale !== "function") {
    return;
  }
  var decap = CMS.getLocale("sv");
  CMS.registerLocale("sv", underneath(isGroup(decap) ? decap : {}, gaps));
})();
