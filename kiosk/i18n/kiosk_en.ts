<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>Settled %n sale(s) left unfinished.</source>
        <translation>
            <numerusform>Settled %n sale left unfinished.</numerusform>
            <numerusform>Settled %n sales left unfinished.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) checking in the back office.</source>
        <translation>
            <numerusform>%n needs checking in the back office.</numerusform>
            <numerusform>%n need checking in the back office.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n sale(s) to {path}</source>
        <translation>
            <numerusform>Exported %n sale to {path}</numerusform>
            <numerusform>Exported %n sales to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s)</source>
        <translation>
            <numerusform>%n sale</numerusform>
            <numerusform>%n sales</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message numerus="yes">
        <source>%n sale(s), oldest first</source>
        <translation>
            <numerusform>%n sale, oldest first</numerusform>
            <numerusform>%n sales, oldest first</numerusform>
        </translation>
    </message>
</context>
</TS>
