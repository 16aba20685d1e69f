/* Decap CMS in Finnish: the form editor's (/admin/) own interface texts.
 *
 * Decap CMS ships no Finnish locale. The phrases' structure (keys and placeholders) follows
 * Decap CMS's English locale, decap-cms-locales/src/en/index.js
 * (MIT licence, © Decap contributors); the Finnish text is ours. tests/editor/test_locale_fi.py holds the keys and
 * placeholders to the English locale of the installed Decap, so an upgrade that adds a phrase
 * fails there rather than showing English in the middle of Finnish.
 *
 * A classic script: the admin page loads decap-cms.js (which defines window.CMS) and then this
 * file. Decap merges a locale over English, so a phrase missing here would show in English.
 * Plural forms are split by "||||" (Polyglot: Finnish has two, one and many). The date format
 * is dayjs's; "D.M." avoids English month names.
 */
CMS.registerLocale("fi", {
  auth: {
    login: "Kirjaudu sisään",
    loggingIn: "Kirjaudutaan sisään…",
    loginWithNetlifyIdentity: "Kirjaudu Netlify Identity -tunnuksella",
    loginWithAzure: "Kirjaudu Azure-tunnuksella",
    loginWithBitbucket: "Kirjaudu Bitbucket-tunnuksella",
    loginWithGitHub: "Kirjaudu GitHub-tunnuksella",
    loginWithGitLab: "Kirjaudu GitLab-tunnuksella",
    loginWithGitea: "Kirjaudu Gitea-tunnuksella",
    loginWithForgejo: "Kirjaudu Forgejo-tunnuksella",
    errors: {
      email: "Kirjoita sähköpostiosoitteesi.",
      password: "Kirjoita salasanasi.",
      identitySettings: "Kirjautumisasetuksia ei saatu luettua. Jos käytössä on git-gateway-taustapalvelu, ota käyttöön Identity-palvelu ja Git Gateway."
    }
  },
  app: {
    header: {
      content: "Sisällöt",
      workflow: "Työnkulku",
      media: "Media",
      quickAdd: "Lisää uusi"
    },
    app: {
      errorHeader: "Sisällönhallinnan asetusten lataaminen epäonnistui",
      configErrors: "Virheet asetuksissa",
      checkConfigYml: "Tarkista config.yml-tiedosto.",
      loadingConfig: "Ladataan asetuksia…",
      waitingBackend: "Odotetaan taustapalvelua…"
    },
    notFoundPage: {
      header: "Sivua ei löytynyt"
    }
  },
  collection: {
    sidebar: {
      collections: "Sisältötyypit",
      allCollections: "Kaikki sisältötyypit",
      searchAll: "Hae kaikista",
      searchIn: "Hae kohteesta"
    },
    collectionTop: {
      sortBy: "Järjestä",
      viewAs: "Näkymä",
      viewAsList: "Näytä luettelona",
      viewAsGrid: "Näytä ruudukkona",
      newButton: "＋ %{collectionLabel}",
      newButtonAriaLabel: "Lisää uusi: %{collectionLabel}",
      ascending: "Nousevasti",
      descending: "Laskevasti",
      searchResults: "Hakutulokset: ”%{searchTerm}”",
      searchResultsInCollection: "Hakutulokset: ”%{searchTerm}” (%{collection})",
      filterBy: "Rajaa",
      groupBy: "Ryhmittele"
    },
    entries: {
      loadingEntries: "Ladataan sisältöjä…",
      cachingEntries: "Tallennetaan sisältöjä välimuistiin…",
      longerLoading: "Tämä voi kestää useita minuutteja",
      noEntries: "Ei sisältöjä",
      unpublishedHeader: "Julkaisemattomat sisällöt"
    },
    groups: {
      other: "Muut",
      negateLabel: "Ei %{label}"
    },
    defaultFields: {
      author: {
        label: "Tekijä"
      },
      updatedOn: {
        label: "Päivitetty"
      }
    }
  },
  editor: {
    editorControl: {
      field: {
        optional: "vapaaehtoinen",
        widgetLabel: "Kenttä: %{widgetLabel}"
      }
    },
    editorControlPane: {
      widget: {
        required: "%{fieldLabel} on pakollinen.",
        regexPattern: "%{fieldLabel} ei ole oikeassa muodossa: %{pattern}.",
        processing: "%{fieldLabel}: käsittely on kesken.",
        range: "%{fieldLabel}: arvon pitää olla välillä %{minValue}–%{maxValue}.",
        min: "%{fieldLabel}: arvon pitää olla vähintään %{minValue}.",
        max: "%{fieldLabel}: arvon pitää olla enintään %{maxValue}.",
        rangeCount: "%{fieldLabel}: kohteita pitää olla %{minCount}–%{maxCount}.",
        rangeCountExact: "%{fieldLabel}: kohteita pitää olla täsmälleen %{count}.",
        rangeMin: "%{fieldLabel}: kohteita pitää olla vähintään %{minCount}.",
        rangeMax: "%{fieldLabel}: kohteita saa olla enintään %{maxCount}.",
        invalidPath: "”%{path}” ei kelpaa polun nimeksi",
        pathExists: "Polku ”%{path}” on jo olemassa"
      },
      i18n: {
        writingInLocale: "Kirjoitat kielellä %{locale}",
        copyFromLocale: "Täytä toisen kielen tiedoilla",
        copyFromLocaleConfirm: "Haluatko täyttää kentät kielen %{locale} tiedoilla?\nKaikki nykyinen sisältö korvataan."
      }
    },
    editor: {
      onLeavePage: "Haluatko varmasti poistua tältä sivulta?",
      onUpdatingWithUnsavedChanges: "Muutoksia ei ole tallennettu. Tallenna ennen kuin muutat tilaa.",
      onPublishingNotReady: "Muuta tilaksi ”Valmis julkaistavaksi” ennen julkaisemista.",
      onPublishingWithUnsavedChanges: "Muutoksia ei ole tallennettu. Tallenna ennen julkaisemista.",
      onPublishing: "Haluatko varmasti julkaista tämän sisällön?",
      onUnpublishing: "Haluatko varmasti poistaa tämän sisällön julkaisusta?",
      onDeleteWithUnsavedChanges: "Haluatko varmasti poistaa tämän julkaistun sisällön ja tässä istunnossa tallentamattomat muutoksesi?",
      onDeletePublishedEntry: "Haluatko varmasti poistaa tämän julkaistun sisällön?",
      onDeleteUnpublishedChangesWithUnsavedChanges: "Tämä poistaa kaikki sisällön julkaisemattomat muutokset ja tässä istunnossa tallentamattomat muutoksesi. Poistetaanko silti?",
      onDeleteUnpublishedChanges: "Kaikki sisällön julkaisemattomat muutokset poistetaan. Poistetaanko silti?",
      loadingEntry: "Ladataan sisältöä…",
      confirmLoadBackup: "Tälle sisällölle löytyi selaimeen tallentunut varmuuskopio. Haluatko käyttää sitä?"
    },
    editorInterface: {
      toggleI18n: "Näytä tai piilota käännökset",
      togglePreview: "Näytä tai piilota esikatselu",
      toggleScrollSync: "Yhtäaikainen vieritys",
      toggleNotes: "Näytä tai piilota muistiinpanot"
    },
    editorNotesPane: {
      title: "Muistiinpanot",
      emptyState: "Ei vielä muistiinpanoja. Kirjoita ensimmäinen alle, niin muut näkevät sen.",
      addNote: "Lisää muistiinpano",
      addPlaceholder: "Kirjoita muistiinpano…",
      editPlaceholder: "Muokkaa muistiinpanoa…",
      save: "Tallenna",
      cancel: "Peruuta",
      edit: "Muokkaa",
      delete: "Poista",
      resolve: "Merkitse käsitellyksi",
      unresolve: "Palauta käsittelyyn",
      confirmDelete: "Haluatko varmasti poistaa tämän muistiinpanon?",
      shortcut: "Vinkki: Ctrl+Enter lisää muistiinpanon nopeasti"
    },
    editorToolbar: {
      publishing: "Julkaistaan…",
      publish: "Julkaise",
      published: "Julkaistu",
      unpublish: "Poista julkaisusta",
      duplicate: "Kopioi uudeksi",
      unpublishing: "Poistetaan julkaisusta…",
      publishAndCreateNew: "Julkaise ja luo uusi",
      publishAndDuplicate: "Julkaise ja kopioi uudeksi",
      deleteUnpublishedChanges: "Poista julkaisemattomat muutokset",
      deleteUnpublishedEntry: "Poista julkaisematon sisältö",
      deletePublishedEntry: "Poista julkaistu sisältö",
      deleteEntry: "Poista sisältö",
      saving: "Tallennetaan…",
      save: "Tallenna",
      statusInfoTooltipDraft: "Sisältö on luonnos. Kun se on valmis tarkistettavaksi, muuta tilaksi ”Tarkistettavana”.",
      statusInfoTooltipInReview: "Sisältö on tarkistettavana, eikä sinun tarvitse tehdä muuta. Voit silti yhä muokata sitä.",
      deleting: "Poistetaan…",
      updating: "Päivitetään…",
      status: "Tila: %{status}",
      backCollection: " Sisältötyyppi: %{collectionLabel}",
      unsavedChanges: "Tallentamattomia muutoksia",
      changesSaved: "Muutokset tallennettu",
      draft: "Luonnos",
      inReview: "Tarkistettavana",
      ready: "Valmis julkaistavaksi",
      publishNow: "Julkaise nyt",
      deployPreviewPendingButtonLabel: "Hae esikatselu",
      deployPreviewButtonLabel: "Näytä esikatselu",
      deployButtonLabel: "Näytä julkaistu sivu"
    },
    editorWidgets: {
      markdown: {
        bold: "Lihavointi",
        italic: "Kursiivi",
        strikethrough: "Yliviivaus",
        code: "Koodi",
        link: "Linkki",
        linkPrompt: "Kirjoita linkin osoite",
        headings: "Otsikot",
        quote: "Lainaus",
        bulletedList: "Luettelo",
        numberedList: "Numeroitu luettelo",
        addComponent: "Lisää osa",
        richText: "Muotoiltu teksti",
        markdown: "Markdown",
        toggleMode: {
          rich: "Vaihda muotoiltuun tekstiin",
          markdown: "Vaihda Markdown-tilaan"
        }
      },
      image: {
        choose: "Valitse kuva",
        chooseMultiple: "Valitse kuvat",
        chooseUrl: "Lisää verkko-osoitteesta",
        replaceUrl: "Korvaa verkko-osoitteella",
        promptUrl: "Kirjoita kuvan verkko-osoite",
        chooseDifferent: "Valitse toinen kuva",
        addMore: "Lisää kuvia",
        remove: "Poista kuva",
        removeAll: "Poista kaikki kuvat"
      },
      file: {
        choose: "Valitse tiedosto",
        chooseUrl: "Lisää verkko-osoitteesta",
        chooseMultiple: "Valitse tiedostot",
        replaceUrl: "Korvaa verkko-osoitteella",
        promptUrl: "Kirjoita tiedoston verkko-osoite",
        chooseDifferent: "Valitse toinen tiedosto",
        addMore: "Lisää tiedostoja",
        remove: "Poista tiedosto",
        removeAll: "Poista kaikki tiedostot"
      },
      unknownControl: {
        noControl: "Kenttätyypille ”%{widget}” ei ole muokkainta."
      },
      unknownPreview: {
        noPreview: "Kenttätyypille ”%{widget}” ei ole esikatselua."
      },
      headingOptions: {
        headingOne: "Otsikko 1",
        headingTwo: "Otsikko 2",
        headingThree: "Otsikko 3",
        headingFour: "Otsikko 4",
        headingFive: "Otsikko 5",
        headingSix: "Otsikko 6"
      },
      datetime: {
        now: "Nyt",
        clear: "Tyhjennä",
        setToNow: "%{fieldLabel}: aseta nykyhetki"
      },
      list: {
        add: "Lisää %{item}",
        addType: "Lisää %{item}"
      },
      object: {
        expand: "Avaa",
        collapse: "Sulje"
      }
    }
  },
  mediaLibrary: {
    mediaLibraryCard: {
      draft: "Luonnos",
      copy: "Kopioi",
      copyUrl: "Kopioi osoite",
      copyPath: "Kopioi polku",
      copyName: "Kopioi nimi",
      copied: "Kopioitu"
    },
    mediaLibrary: {
      onDelete: "Haluatko varmasti poistaa valitut tiedostot?",
      fileTooLarge: "Tiedosto on liian suuri.\nSuurin sallittu koko on %{size} kt."
    },
    mediaLibraryModal: {
      loading: "Ladataan…",
      close: "Sulje",
      noResults: "Ei tuloksia.",
      noAssetsFound: "Tiedostoja ei löytynyt.",
      noImagesFound: "Kuvia ei löytynyt.",
      private: "Yksityinen ",
      images: "Kuvat",
      mediaAssets: "Mediatiedostot",
      search: "Hae…",
      uploading: "Lähetetään…",
      upload: "Lähetä",
      download: "Lataa",
      deleting: "Poistetaan…",
      deleteSelected: "Poista valitut",
      chooseSelected: "Käytä valittuja"
    }
  },
  ui: {
    default: {
      goBackToSite: "Palaa sivustolle"
    },
    errorBoundary: {
      title: "Virhe",
      details: "Tapahtui virhe. ",
      reportIt: "Ilmoita siitä GitHubissa.",
      detailsHeading: "Tiedot",
      privacyWarning: "Ilmoitukseen tulee valmiiksi virheilmoitus ja vianetsinnän tiedot.\nTarkista, että tiedot pitävät paikkansa, ja poista niistä mahdolliset henkilö- tai muut arkaluonteiset tiedot.",
      recoveredEntry: {
        heading: "Palautettu sisältö",
        warning: "Kopioi tämä talteen ennen kuin siirryt pois sivulta!",
        copyButtonLabel: "Kopioi leikepöydälle"
      }
    },
    settingsDropdown: {
      logOut: "Kirjaudu ulos",
      account: "Käyttäjätilin valikko"
    },
    toast: {
      onFailToLoadEntries: "Sisällön lataaminen epäonnistui: %{details}",
      onFailToLoadDeployPreview: "Esikatselun lataaminen epäonnistui: %{details}",
      onFailToPersist: "Sisällön tallentaminen epäonnistui: %{details}",
      onFailToDelete: "Sisällön poistaminen epäonnistui: %{details}",
      onFailToUpdateStatus: "Tilan muuttaminen epäonnistui: %{details}",
      missingRequiredField: "Pakollinen kenttä on täyttämättä. Täytä se ennen tallentamista.",
      entrySaved: "Sisältö tallennettu",
      entryPublished: "Sisältö julkaistu",
      entryUnpublished: "Sisältö poistettu julkaisusta",
      onFailToPublishEntry: "Julkaiseminen epäonnistui: %{details}",
      onFailToUnpublishEntry: "Julkaisusta poistaminen epäonnistui: %{details}",
      entryUpdated: "Sisällön tila päivitetty",
      onDeleteUnpublishedChanges: "Julkaisemattomat muutokset poistettu",
      noteAdded: "Muistiinpano lisätty",
      onFailToAddNote: "Muistiinpanon lisääminen epäonnistui: %{details}",
      noteUpdated: "Muistiinpano päivitetty",
      onFailToUpdateNote: "Muistiinpanon päivittäminen epäonnistui: %{details}",
      noteDeleted: "Muistiinpano poistettu",
      onFailToDeleteNote: "Muistiinpanon poistaminen epäonnistui: %{details}",
      noteResolved: "Muistiinpano merkitty käsitellyksi",
      noteReopened: "Muistiinpano palautettu käsittelyyn",
      onFailToToggleNote: "Muistiinpanon tilan muuttaminen epäonnistui: %{details}",
      onFailToAuth: "%{details}",
      onLoggedOut: "Sinut on kirjattu ulos. Kopioi keskeneräiset tiedot talteen ja kirjaudu uudelleen sisään.",
      onBackendDown: "Taustapalvelussa on käyttökatko. Lisätietoja: %{details}"
    }
  },
  workflow: {
    workflow: {
      loading: "Ladataan työnkulun sisältöjä",
      workflowHeading: "Julkaisun työnkulku",
      newPost: "Uusi sisältö",
      description: "%{smart_count} sisältö odottaa tarkistusta, valmiina julkaistavaksi %{readyCount}. |||| %{smart_count} sisältöä odottaa tarkistusta, valmiina julkaistavaksi %{readyCount}. ",
      dateFormat: "D.M."
    },
    workflowCard: {
      lastChange: "%{date}, muokkaaja: %{author}",
      lastChangeNoAuthor: "%{date}",
      lastChangeNoDate: "Muokkaaja: %{author}",
      deleteChanges: "Poista muutokset",
      deleteNewEntry: "Poista uusi sisältö",
      publishChanges: "Julkaise muutokset",
      publishNewEntry: "Julkaise uusi sisältö"
    },
    workflowList: {
      onDeleteEntry: "Haluatko varmasti poistaa tämän sisällön?",
      onPublishingNotReadyEntry: "Vain tilassa ”Valmis julkaistavaksi” olevat sisällöt voi julkaista. Vedä kortti sarakkeeseen ”Valmis julkaistavaksi”, niin voit julkaista sen.",
      onPublishEntry: "Haluatko varmasti julkaista tämän sisällön?",
      draftHeader: "Luonnokset",
      inReviewHeader: "Tarkistettavana",
      readyHeader: "Valmis julkaistavaksi",
      currentEntries: "%{smart_count} sisältö |||| %{smart_count} sisältöä"
    }
  }
});
